/// The `"EventType"` columns a body may write, and how a body value becomes a column value. The
/// insert and update statements are composed from this table at init (constants only), reading
/// the body as the jsonb row `b`.
struct EventTypeColumn {
    /// How a body value is converted for the column.
    enum Kind {
        case text, int, bool, json, timestamp, periodType, schedulingType
    }

    /// Body key and column name (they are the same everywhere).
    let name: String
    let kind: Kind
    /// The value an insert writes when the body omits the key or sends null (the DB default).
    let fallback: String?
    /// Whether the column may hold NULL: a PATCH sending null then clears it.
    let nullable: Bool

    init(_ name: String, _ kind: Kind, fallback: String? = nil, nullable: Bool = true) {
        self.name = name
        self.kind = kind
        self.fallback = fallback
        self.nullable = nullable
    }

    /// The body's value as the column's type (SQL NULL when absent or null).
    var value: String {
        switch kind {
        case .text: return "b->>'\(name)'"
        case .int: return "(b->>'\(name)')::int"
        case .bool: return "(b->>'\(name)')::boolean"
        case .json: return "NULLIF(b->'\(name)', 'null'::jsonb)"
        case .timestamp: return "((b->>'\(name)')::timestamptz AT TIME ZONE 'UTC')"
        case .periodType: return "lower(b->>'\(name)')::\"PeriodType\""
        case .schedulingType: return EventTypeColumn.storedSchedulingType("b->>'\(name)'")
        }
    }

    /// The expression an insert writes.
    var insertValue: String { fallback.map { "COALESCE(\(value), \($0))" } ?? value }

    /// The assignment an update makes: untouched when absent; null clears only nullable columns.
    func assignment(row alias: String) -> String {
        let current = "\(alias).\"\(name)\""
        if nullable { return "\"\(name)\" = CASE WHEN b ? '\(name)' THEN \(value) ELSE \(current) END" }
        return "\"\(name)\" = COALESCE(\(value), \(current))"
    }

    /// API spelling (`ROUND_ROBIN`) to the stored label (`roundRobin`).
    static func storedSchedulingType(_ expression: String) -> String {
        "(CASE \(expression) WHEN 'ROUND_ROBIN' THEN 'roundRobin' WHEN 'COLLECTIVE' THEN 'collective' WHEN 'MANAGED' THEN 'managed' END)::\"SchedulingType\""
    }

    /// Stored label to API spelling; a label unknown to calapi is passed through upper-cased.
    static func apiSchedulingType(_ column: String) -> String {
        "(CASE \(column)::text WHEN 'roundRobin' THEN 'ROUND_ROBIN' ELSE upper(\(column)::text) END)"
    }

    /// Every writable column except `slug` (slugified) and the owner (`userId`, decided by the handler).
    static let all: [EventTypeColumn] = [
        EventTypeColumn("title", .text, nullable: false),
        EventTypeColumn("description", .text),
        EventTypeColumn("length", .int, nullable: false),
        EventTypeColumn("hidden", .bool, fallback: "false", nullable: false),
        EventTypeColumn("position", .int, fallback: "0", nullable: false),
        EventTypeColumn("eventName", .text),
        EventTypeColumn("timeZone", .text),
        EventTypeColumn("schedulingType", .schedulingType),
        EventTypeColumn("periodType", .periodType, fallback: "'unlimited'", nullable: false),
        EventTypeColumn("periodStartDate", .timestamp),
        EventTypeColumn("periodEndDate", .timestamp),
        EventTypeColumn("periodDays", .int),
        EventTypeColumn("periodCountCalendarDays", .bool),
        EventTypeColumn("requiresConfirmation", .bool, fallback: "false", nullable: false),
        EventTypeColumn("disableGuests", .bool, fallback: "false", nullable: false),
        EventTypeColumn("hideCalendarNotes", .bool, fallback: "false", nullable: false),
        EventTypeColumn("minimumBookingNotice", .int, fallback: "120", nullable: false),
        EventTypeColumn("parentId", .int),
        EventTypeColumn("beforeEventBuffer", .int, fallback: "0", nullable: false),
        EventTypeColumn("afterEventBuffer", .int, fallback: "0", nullable: false),
        EventTypeColumn("price", .int, fallback: "0", nullable: false),
        EventTypeColumn("currency", .text, fallback: "'usd'", nullable: false),
        EventTypeColumn("slotInterval", .int),
        EventTypeColumn("successRedirectUrl", .text),
        EventTypeColumn("locations", .json),
        EventTypeColumn("bookingLimits", .json),
        EventTypeColumn("durationLimits", .json),
        EventTypeColumn("onlyShowFirstAvailableSlot", .bool, fallback: "false", nullable: false),
        EventTypeColumn("assignAllTeamMembers", .bool, fallback: "false", nullable: false),
        EventTypeColumn("metadata", .json),
        EventTypeColumn("recurringEvent", .json),
        EventTypeColumn("seatsPerTimeSlot", .int),
        EventTypeColumn("seatsShowAttendees", .bool, fallback: "false"),
        EventTypeColumn("seatsShowAvailabilityCount", .bool, fallback: "true"),
        EventTypeColumn("bookingFields", .json),
        EventTypeColumn("scheduleId", .int),
    ]
}
