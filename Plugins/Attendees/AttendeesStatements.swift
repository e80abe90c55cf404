import PluginSDK

/// Every statement of the plugin. Access always goes through `"Booking"."userId"` (indexed).
enum AttendeesStatements {
    static var listAll = Statement.unset
    static var listOwn = Statement.unset
    static var bookingOrganizer = Statement.unset
    static var attendeeOrganizer = Statement.unset
    static var find = Statement.unset
    static var insert = Statement.unset
    static var update = Statement.unset
    static var delete = Statement.unset

    /// The public attendee of the row aliased `a`.
    static let attendeeJSON = #"(SELECT row_to_json(x) FROM (SELECT a.id, a."bookingId", a.name, a.email, a."timeZone") x)"#

    /// The attendee aliased `a` is on a booking user `$n` organizes (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::bigint IS NULL OR EXISTS (SELECT 1 FROM "Booking" vb WHERE vb.id = a."bookingId" AND vb."userId" = \#(parameter)::bigint))"#
    }

    static func register(_ registrar: inout PluginRegistrar) {
        // One page ($1 LIMIT, $2 OFFSET) of every attendee.
        listAll = registrar.statement("list_all", SQLFragments.jsonPage(
            attendeeJSON, table: #""Attendee""#, alias: "a", from: #""Attendee" a"#, orderBy: "a.id", limit: "$1", offset: "$2"))
        // One page ($2 LIMIT, $3 OFFSET) of the attendees of the bookings user $1 organizes.
        listOwn = registrar.statement("list_own", SQLFragments.jsonPage(
            attendeeJSON, table: #""Attendee""#, alias: "a",
            from: #""Booking" b JOIN "Attendee" a ON a."bookingId" = b.id WHERE b."userId" = $1::bigint"#,
            orderBy: "a.id", limit: "$2", offset: "$3"))
        // One row when the booking exists: its organizer (NULL when none).
        bookingOrganizer = registrar.statement("booking_organizer", #"SELECT "userId" FROM "Booking" WHERE id = $1::bigint"#)
        // One row when the attendee exists: the organizer of its booking (NULL when none).
        attendeeOrganizer = registrar.statement("attendee_organizer", """
            SELECT b."userId" FROM "Attendee" a LEFT JOIN "Booking" b ON b.id = a."bookingId" WHERE a.id = $1::bigint
            """)
        // $1 id, $2 the only organizer allowed (NULL for admins), also for update ($3) and delete.
        find = registrar.statement("find", #"SELECT \#(attendeeJSON) FROM "Attendee" a WHERE a.id = $1::bigint AND \#(visible(to: "$2"))"#)
        insert = registrar.statement("insert", writes: true, """
            INSERT INTO "Attendee" AS a ("bookingId", email, name, "timeZone")
            SELECT (b->>'bookingId')::int, b->>'email', b->>'name', b->>'timeZone'
            FROM (SELECT $1::jsonb AS b) AS input
            RETURNING \(attendeeJSON)
            """)
        update = registrar.statement("update", writes: true, """
            UPDATE "Attendee" AS a SET
              "bookingId" = CASE WHEN b ? 'bookingId' THEN (b->>'bookingId')::int ELSE a."bookingId" END,
              email = COALESCE(b->>'email', a.email),
              name = COALESCE(b->>'name', a.name),
              "timeZone" = COALESCE(b->>'timeZone', a."timeZone")
            FROM (SELECT $2::jsonb AS b) AS input
            WHERE a.id = $1::bigint AND \(visible(to: "$3"))
            RETURNING \(attendeeJSON)
            """)
        delete = registrar.statement("delete", writes: true, #"DELETE FROM "Attendee" a WHERE a.id = $1::bigint AND \#(visible(to: "$2"))"#)
    }
}
