import PluginSDK

/// The body of `POST /event-types` and `PATCH /event-types/{id}`, one entry per property in schema
/// order: its JSON Schema (the host validates and documents with it) and, for an `"EventType"`
/// column, how the body value is written (the insert and update statements are composed from this
/// table at load, reading the body as the jsonb row `b`). One list, so a column cannot be
/// validated one way and written another.
struct EventTypeField {
    /// How a body value becomes the column's value.
    enum Write {
        case text, int, bool, json, timestamp, periodType, schedulingType, slug
    }

    /// Body key and column name (they are the same everywhere).
    let name: String
    /// Nil for a property the handlers read themselves (the owner, hosts, children).
    let write: Write?
    /// The value an insert writes when the body omits the key or sends null (the DB default).
    let fallback: String?
    /// Whether the column may hold NULL: a PATCH sending null then clears it.
    let nullable: Bool
    /// The property's rule on PATCH; nil when PATCH refuses the key.
    let schema: String?
    /// The rule on POST, when it differs from PATCH's.
    let createSchema: String?

    init(_ name: String, _ write: Write?, _ schema: String?, create createSchema: String? = nil, fallback: String? = nil,
         nullable: Bool = true) {
        self.name = name
        self.write = write
        self.schema = schema
        self.createSchema = createSchema ?? schema
        self.fallback = fallback
        self.nullable = nullable
    }

    /// The body's value as the column's type (SQL NULL when absent or null).
    var value: String {
        switch write {
        case .text, nil: return "b->>'\(name)'"
        case .int: return "(b->>'\(name)')::int"
        case .bool: return "(b->>'\(name)')::boolean"
        case .json: return "NULLIF(b->'\(name)', 'null'::jsonb)"
        case .timestamp: return "((b->>'\(name)')::timestamptz AT TIME ZONE 'UTC')"
        case .periodType: return "lower(b->>'\(name)')::\"PeriodType\""
        case .schedulingType: return EventTypeField.storedSchedulingType("b->>'\(name)'")
        case .slug: return SQLFragments.slugify("b->>'\(name)'")
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

    /// The columns a body writes; the owner (`userId`) is decided by the handler.
    static let columns = all.filter { $0.write != nil }

    /// The body schemas: POST requires `title`, `slug` and `length` and strips unknown keys
    /// (`schemaEventTypeCreateParams`); PATCH requires nothing and refuses unknown keys
    /// (`schemaEventTypeEditParams`).
    static let createBody = #"""
        {"type":"object","required":["title","slug","length"],"properties":{\#(properties(\.createSchema))},
         "example":{"title":"30 min meeting","slug":"30min","length":30,"description":"A short call to get to know each other",
           "minimumBookingNotice":120,"afterEventBuffer":10,"locations":[{"type":"integrations:daily"}]}}
        """#
    static let editBody = #"{"type":"object","additionalProperties":false,"properties":{\#(properties(\.schema))}}"#

    private static func properties(_ rule: KeyPath<EventTypeField, String?>) -> String {
        all.compactMap { field in field[keyPath: rule].map { #""\#(field.name)":\#($0)"# } }.joined(separator: ",")
    }

    private static let limits = #"""
        {"type":"object","nullable":true,"properties":{"PER_DAY":{"type":"number"},"PER_WEEK":{"type":"number"},"PER_MONTH":{"type":"number"},"PER_YEAR":{"type":"number"}}}
        """#

    static let all: [EventTypeField] = [
        EventTypeField("title", .text, #"{"type":"string"}"#, nullable: false),
        EventTypeField("slug", .slug, #"{"type":"string"}"#),
        EventTypeField("length", .int, #"{"type":"integer"}"#, create: #"{"type":"integer","minimum":1,"maximum":1440}"#, nullable: false),
        EventTypeField("seatsPerTimeSlot", .int, #"{"type":"integer","minimum":1,"maximum":1000,"nullable":true}"#,
                       create: #"{"type":"integer","nullable":true}"#),
        // POST only, for system admins: the owner, a number or a numeric string.
        EventTypeField("userId", nil, nil, create: #"{"type":["string","integer"]}"#),
        EventTypeField("description", .text, #"{"type":"string","nullable":true}"#),
        EventTypeField("hidden", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("position", .int, #"{"type":"integer"}"#, fallback: "0", nullable: false),
        EventTypeField("eventName", .text, #"{"type":"string","nullable":true}"#),
        EventTypeField("timeZone", .text, #"{"type":"string","nullable":true}"#),
        EventTypeField("schedulingType", .schedulingType, #"{"type":"string","enum":["ROUND_ROBIN","COLLECTIVE","MANAGED"],"nullable":true}"#),
        EventTypeField("periodType", .periodType, #"{"type":"string","enum":["UNLIMITED","ROLLING","ROLLING_WINDOW","RANGE"]}"#,
                       fallback: "'unlimited'", nullable: false),
        EventTypeField("periodStartDate", .timestamp, #"{"type":"string","format":"date-time","nullable":true}"#),
        EventTypeField("periodEndDate", .timestamp, #"{"type":"string","format":"date-time","nullable":true}"#),
        EventTypeField("periodDays", .int, #"{"type":"integer","nullable":true}"#),
        EventTypeField("periodCountCalendarDays", .bool, #"{"type":"boolean","nullable":true}"#),
        EventTypeField("requiresConfirmation", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("disableGuests", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("hideCalendarNotes", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("minimumBookingNotice", .int, #"{"type":"integer","minimum":0}"#, fallback: "120", nullable: false),
        EventTypeField("parentId", .int, #"{"type":"integer","nullable":true}"#),
        EventTypeField("beforeEventBuffer", .int, #"{"type":"integer"}"#, fallback: "0", nullable: false),
        EventTypeField("afterEventBuffer", .int, #"{"type":"integer"}"#, fallback: "0", nullable: false),
        // A null `teamId` leaves the team alone, as Cal.com does.
        EventTypeField("teamId", .int, #"{"type":"integer","nullable":true}"#, nullable: false),
        EventTypeField("price", .int, #"{"type":"integer"}"#, fallback: "0", nullable: false),
        EventTypeField("currency", .text, #"{"type":"string"}"#, fallback: "'usd'", nullable: false),
        EventTypeField("slotInterval", .int, #"{"type":"integer","nullable":true}"#),
        EventTypeField("successRedirectUrl", .text, #"{"type":"string","pattern":"^(https?://.+)?$","nullable":true,"x-message":"Invalid URL"}"#),
        EventTypeField("locations", .json, #"""
            {"type":"array","nullable":true,"items":{"type":"object","required":["type"],"properties":{
              "type":{"type":"string"},"address":{"type":"string"},"link":{"type":"string"},
              "displayLocationPublicly":{"type":"boolean"},"hostPhoneNumber":{"type":"string"}}}}
            """#),
        EventTypeField("bookingLimits", .json, limits),
        EventTypeField("durationLimits", .json, limits),
        EventTypeField("onlyShowFirstAvailableSlot", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("assignAllTeamMembers", .bool, #"{"type":"boolean"}"#, fallback: "false", nullable: false),
        EventTypeField("seatsShowAttendees", .bool, #"{"type":"boolean","nullable":true}"#, fallback: "false"),
        EventTypeField("seatsShowAvailabilityCount", .bool, #"{"type":"boolean","nullable":true}"#, fallback: "true"),
        EventTypeField("bookingFields", .json, #"{"type":"array","items":{"type":"object"},"nullable":true}"#),
        EventTypeField("scheduleId", .int, #"{"type":"integer","nullable":true}"#),
        EventTypeField("metadata", .json, #"{"description":"any JSON value"}"#),
        EventTypeField("recurringEvent", .json, #"""
            {"type":"object","nullable":true,"properties":{
              "dtstart":{"type":"string"},"interval":{"type":"integer"},"count":{"type":"integer"},
              "freq":{"type":"integer","enum":[0,1,2,3,4,5,6]},"until":{"type":"string"},
              "tzid":{"type":"string","format":"timezone"}}}
            """#),
        // Read by the handlers: the managed children and the hosts (written to `"Host"`).
        EventTypeField("children", nil, #"""
            {"type":"array","items":{"type":"object","required":["id","userId"],"properties":{
              "id":{"type":"integer"},"userId":{"type":"integer"}}}}
            """#),
        EventTypeField("hosts", nil, #"""
            {"type":"array","items":{"type":"object","required":["userId"],"properties":{
              "userId":{"type":"integer"},"isFixed":{"type":"boolean"},"scheduleId":{"type":"integer","nullable":true}}}}
            """#),
    ]
}
