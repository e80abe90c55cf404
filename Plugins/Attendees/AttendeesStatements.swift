import PluginSDK

/// Every statement of the plugin. Access always goes through `"Booking"."userId"` (indexed).
enum AttendeesSQL: StatementSet {
    case listAll, listOwn, bookingOrganizer, organized, find, insert, update, delete

    /// The public attendee of the row aliased `a`.
    static let attendeeJSON = #"(SELECT row_to_json(x) FROM (SELECT a.id, a."bookingId", a.name, a.email, a."timeZone") x)"#

    /// The attendee aliased `a` is on a booking user `$n` organizes (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::bigint IS NULL OR EXISTS (SELECT 1 FROM "Booking" vb WHERE vb.id = a."bookingId" AND vb."userId" = \#(parameter)::bigint))"#
    }

    var statement: Statement {
        let attendeeJSON = Self.attendeeJSON
        switch self {
        // One page ($1 LIMIT, $2 OFFSET) of every attendee.
        case .listAll:
            return .read(SQLFragments.jsonPage(attendeeJSON, table: #""Attendee""#, alias: "a", from: #""Attendee" a"#, orderBy: "a.id",
                                               limit: "$1", offset: "$2"))
        // One page ($2 LIMIT, $3 OFFSET) of the attendees of the bookings user $1 organizes.
        case .listOwn:
            return .read(SQLFragments.jsonPage(
                attendeeJSON, table: #""Attendee""#, alias: "a",
                from: #""Booking" b JOIN "Attendee" a ON a."bookingId" = b.id WHERE b."userId" = $1::bigint"#,
                orderBy: "a.id", limit: "$2", offset: "$3"))
        // One row when the booking exists: its organizer (NULL when none).
        case .bookingOrganizer:
            return .read(#"SELECT "userId" FROM "Booking" WHERE id = $1::bigint"#)
        // One row when attendee $1 is on a booking user $2 organizes.
        case .organized:
            return .read(#"SELECT 1 FROM "Attendee" a JOIN "Booking" b ON b.id = a."bookingId" WHERE a.id = $1::bigint AND b."userId" = $2::bigint"#)
        // $1 id, $2 the only organizer allowed (NULL for admins), also for update ($3) and delete.
        case .find:
            return .read(#"SELECT \#(attendeeJSON) FROM "Attendee" a WHERE a.id = $1::bigint AND \#(Self.visible(to: "$2"))"#)
        case .insert:
            return .write("""
                INSERT INTO "Attendee" AS a ("bookingId", email, name, "timeZone")
                SELECT (b->>'bookingId')::int, b->>'email', b->>'name', b->>'timeZone'
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \(attendeeJSON)
                """)
        case .update:
            return .write("""
                UPDATE "Attendee" AS a SET
                  "bookingId" = CASE WHEN b ? 'bookingId' THEN (b->>'bookingId')::int ELSE a."bookingId" END,
                  email = COALESCE(b->>'email', a.email),
                  name = COALESCE(b->>'name', a.name),
                  "timeZone" = COALESCE(b->>'timeZone', a."timeZone")
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE a.id = $1::bigint AND \(Self.visible(to: "$3"))
                RETURNING \(attendeeJSON)
                """)
        case .delete:
            return .write(#"DELETE FROM "Attendee" a WHERE a.id = $1::bigint AND \#(Self.visible(to: "$2"))"#)
        }
    }
}
