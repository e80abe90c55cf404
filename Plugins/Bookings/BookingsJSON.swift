import PluginSDK

/// SQL building the public booking (`schemaBookingReadPublic`, E2 keys minus `timeZone`, which is
/// no column) from the row aliased `b`: status in upper case, dates as JavaScript prints them.
enum BookingsJSON {
    /// `{id, email, name, timeZone, locale}` of an attendee row `a`, and of a payment row `p`.
    private static let attendeeColumns = #"a.id, a.email, a.name, a."timeZone", a.locale"#
    private static let paymentColumns = #"p.id, p.success, p."paymentOption""#

    /// The SQL of a booking's relations: its attendees and payments (JSON arrays by id) and its
    /// organizer (an object, or null).
    struct Relations {
        let attendees: String
        let user: String
        let payment: String

        /// Each looked up for the row `b` on its own (a subquery per booking); the organizer is user
        /// `organizer` (an SQL expression).
        static func perRow(organizer: String = #"b."userId""#) -> Relations {
            Relations(
                attendees: SQLFragments.jsonArray("row_to_json(r)", orderBy: "a.id", from: """
                    "Attendee" a, LATERAL (SELECT \(attendeeColumns)) r WHERE a."bookingId" = b.id
                    """) + "::json",
                user: """
                    (SELECT row_to_json(u) FROM (SELECT email, name, "timeZone", locale FROM users WHERE id = \(organizer)) u)
                    """,
                payment: SQLFragments.jsonArray("row_to_json(r)", orderBy: "p.id", from: """
                    "Payment" p, LATERAL (SELECT \(paymentColumns)) r WHERE p."bookingId" = b.id
                    """) + "::json")
        }

        /// Read once for a whole page, by `pageRelations`' joins (`att`, `pay`, `org`).
        static let joined = Relations(attendees: "COALESCE(att.list, '[]')::json", user: "org.j", payment: "COALESCE(pay.list, '[]')::json")
    }

    /// The `FROM` items that read the relations of every booking of a page at once: `page` names a
    /// CTE of booking ids, `organizer` the one organizer of them all. Each table is searched once,
    /// by index, for all the page's ids (not once per booking); joined to `b` as `Relations.joined`.
    static func pageRelations(page: String, organizer: String) -> (ctes: String, joins: String) {
        let ids = "ANY (ARRAY(SELECT id FROM \(page)))"
        let ctes = """
            att AS (SELECT a."bookingId", '[' || string_agg(row_to_json(r)::text, ',' ORDER BY a.id) || ']' AS list
                    FROM "Attendee" a, LATERAL (SELECT \(attendeeColumns)) r WHERE a."bookingId" = \(ids) GROUP BY a."bookingId"),
            pay AS (SELECT p."bookingId", '[' || string_agg(row_to_json(r)::text, ',' ORDER BY p.id) || ']' AS list
                    FROM "Payment" p, LATERAL (SELECT \(paymentColumns)) r WHERE p."bookingId" = \(ids) GROUP BY p."bookingId")
            """
        let joins = """
            LEFT JOIN att ON att."bookingId" = b.id LEFT JOIN pay ON pay."bookingId" = b.id
            LEFT JOIN (SELECT row_to_json(u) AS j FROM (SELECT email, name, "timeZone", locale FROM users WHERE id = \(organizer)) u) org ON true
            """
        return (ctes, joins)
    }

    /// `?expand=team`: `{title, slug, team: {name, slug} | null}`.
    private static let eventType = """
        (SELECT row_to_json(e) FROM (SELECT et.title, et.slug,
          (SELECT row_to_json(t) FROM (SELECT name, slug FROM "Team" WHERE id = et."teamId") t) AS team
          FROM "EventType" et WHERE et.id = b."eventTypeId") e)
        """

    /// The columns `booking` and the list order read: a subquery that picks rows before the JSON
    /// is built selects these, not `b.*`, which would need the hidden `oneTimePassword` too.
    static let columns = """
        b.id, b."userId", b.description, b."eventTypeId", b.uid, b.title, b."startTime", b."endTime", b.metadata, b.status,
        b.responses, b."fromReschedule", b."cancelledBy", b."rescheduledBy", b."createdAt", b."updatedAt"
        """

    /// The booking object; `relations` adds attendees, organizer and payments, `eventType` the
    /// expanded event type.
    static func booking(relations: Relations?, eventType withEventType: Bool = false) -> String {
        var columns = [#"b.id, b."userId", b.description, b."eventTypeId", b.uid, b.title"#,
                       #"\#(SQLFragments.isoTimestamp(#"b."startTime""#)) AS "startTime""#,
                       #"\#(SQLFragments.isoTimestamp(#"b."endTime""#)) AS "endTime""#]
        if let relations { columns += ["\(relations.attendees) AS attendees", #"\#(relations.user) AS "user""#] }
        if withEventType { columns.append(#"\#(eventType) AS "eventType""#) }
        if let relations { columns.append("\(relations.payment) AS payment") }
        columns += [#"b.metadata, upper(b.status::text) AS status, b.responses, b."fromReschedule", b."cancelledBy", b."rescheduledBy""#,
                    #"\#(SQLFragments.isoTimestamp(#"b."createdAt""#)) AS "createdAt""#]
        return "(SELECT row_to_json(x) FROM (SELECT \(columns.joined(separator: ", "))) x)"
    }

    /// What `POST /bookings` answers (§3.4): like Cal.com's `handleNewBooking`, the whole row
    /// (enums in their API spelling; `oneTimePassword` is a secret and left out) with its organizer
    /// (`id` and `username` too), its full attendee rows and its references, plus the `payment`
    /// array of the public booking.
    static let created: String = {
        let iso = { (column: String) -> String in
            let quoted = "\"\(column)\""
            return "\(SQLFragments.isoTimestamp("b." + quoted)) AS \(quoted)"
        }
        let attendees = SQLFragments.jsonArray("row_to_json(a)", orderBy: "a.id", from: """
            (SELECT id, email, name, "timeZone", "phoneNumber", locale, "bookingId", "noShow" FROM "Attendee" WHERE "bookingId" = b.id) a
            """) + "::json"
        let organizer = """
            (SELECT row_to_json(u) FROM (SELECT id, username, email, name, "timeZone", locale FROM users WHERE id = b."userId") u)
            """
        let references = SQLFragments.jsonArray("row_to_json(r)", orderBy: "r.id", from: """
            (SELECT id, type, "bookingId", uid, "meetingId", "meetingPassword", "meetingUrl", deleted FROM "BookingReference"
             WHERE "bookingId" = b.id) r
            """) + "::json"
        let columns = [
            #"b.id, b.uid, b."idempotencyKey", b."userId", b."userPrimaryEmail", b."eventTypeId", b.title, b.description"#,
            #"b."customInputs", b.responses"#, iso("startTime"), iso("endTime"), "b.location", iso("createdAt"), iso("updatedAt"),
            #"upper(b.status::text) AS status, b.paid, b."destinationCalendarId", b."cancellationReason", b."rejectionReason""#,
            #"b."reassignReason", b."reassignById", b."dynamicEventSlugRef", b."dynamicGroupSlugRef", b.rescheduled"#,
            #"b."fromReschedule", b."recurringEventId", b."smsReminderNumber", b."scheduledJobs", b.metadata, b."isRecorded""#,
            #"b."iCalUID", b."iCalSequence", b.rating, b."ratingFeedback", b."noShowHost", b."cancelledBy", b."rescheduledBy""#,
            #"upper(b."creationSource"::text) AS "creationSource""#,
            "\(attendees) AS attendees", #"\#(organizer) AS "user""#, "\(Relations.perRow().payment) AS payment", "\(references) AS \"references\"",
        ]
        return "(SELECT row_to_json(x) FROM (SELECT \(columns.joined(separator: ", "))) x)"
    }()

    /// The full booking, with the event type only when the boolean parameter `expand` is true.
    static func readable(expand: String) -> String {
        "CASE WHEN \(expand)::boolean THEN \(booking(relations: .perRow(), eventType: true)) ELSE \(booking(relations: .perRow())) END"
    }
}
