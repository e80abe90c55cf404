import PluginSDK

/// Every statement of the plugin. Access always goes through `"Booking"."userId"` (indexed).
enum BookingReferencesSQL: StatementSet {
    case listAll, listOwn, bookingOrganizer, organized, find, insert, update, delete, credentialUsed, delegationUsed

    /// The public reference of the row aliased `r`.
    static let referenceJSON = """
        (SELECT row_to_json(x) FROM (SELECT r.id, r.type, r."bookingId", r.uid, r."meetingId", r."meetingPassword",
          r."meetingUrl", r.deleted) x)
        """

    /// The reference aliased `r` is on a booking user `$n` organizes (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::bigint IS NULL OR EXISTS (SELECT 1 FROM "Booking" vb WHERE vb.id = r."bookingId" AND vb."userId" = \#(parameter)::bigint))"#
    }

    /// One row when `$1` is already in column `column` of one of user `$2`'s own rows: a reference
    /// of a booking they organize, or (`calendars`) a selected or destination calendar of theirs or
    /// of their event types. Stands for "a credential of the user", which plugins cannot read.
    private static func usedByOwnRows(_ column: String, as type: String, calendars: Bool) -> String {
        let fromCalendars = """
            SELECT 1 FROM "SelectedCalendar" sc WHERE sc."userId" = $2::int AND sc."\(column)" = $1::\(type)
            UNION ALL
            SELECT 1 FROM "DestinationCalendar" dc
            WHERE (dc."userId" = $2::int OR dc."eventTypeId" IN (SELECT e.id FROM "EventType" e WHERE e."userId" = $2::int))
              AND dc."\(column)" = $1::\(type)
            UNION ALL

            """
        return """
            \(calendars ? fromCalendars : "")SELECT 1 FROM "Booking" ob JOIN "BookingReference" orf ON orf."bookingId" = ob.id
            WHERE ob."userId" = $2::int AND orf."\(column)" = $1::\(type)
            LIMIT 1
            """
    }

    var statement: Statement {
        let referenceJSON = Self.referenceJSON
        switch self {
        // One page ($1 LIMIT, $2 OFFSET) of every reference, soft-deleted ones included.
        case .listAll:
            return .read(SQLFragments.jsonPage(
                referenceJSON, table: #""BookingReference""#, alias: "r", from: #""BookingReference" r"#, orderBy: "r.id",
                limit: "$1", offset: "$2"))
        // One page ($2 LIMIT, $3 OFFSET) of the references of the bookings user $1 organizes. Cal.com
        // hides soft-deleted references from their owners (`deleted IS NULL`, so `false` too).
        case .listOwn:
            return .read(SQLFragments.jsonPage(
                referenceJSON, table: #""BookingReference""#, alias: "r",
                from: #""Booking" b JOIN "BookingReference" r ON r."bookingId" = b.id WHERE b."userId" = $1::bigint AND r.deleted IS NULL"#,
                orderBy: "r.id", limit: "$2", offset: "$3"))
        case .bookingOrganizer:
            return .read(#"SELECT "userId" FROM "Booking" WHERE id = $1::bigint"#)
        // One row when reference $1 is on a booking user $2 organizes.
        case .organized:
            return .read(#"""
                SELECT 1 FROM "BookingReference" r JOIN "Booking" b ON b.id = r."bookingId" WHERE r.id = $1::bigint AND b."userId" = $2::bigint
                """#)
        // $1 id, $2 the only organizer allowed (NULL for admins), also for update ($3) and delete.
        case .find:
            return .read(#"SELECT \#(referenceJSON) FROM "BookingReference" r WHERE r.id = $1::bigint AND \#(Self.visible(to: "$2"))"#)
        case .credentialUsed:
            return .read(Self.usedByOwnRows("credentialId", as: "numeric", calendars: true))
        case .delegationUsed:
            return .read(Self.usedByOwnRows("domainWideDelegationCredentialId", as: "text", calendars: false))
        case .insert:
            return .write("""
                INSERT INTO "BookingReference" AS r (type, uid, "bookingId", "meetingId", "meetingPassword", "meetingUrl",
                  "externalCalendarId", deleted, "credentialId", "thirdPartyRecurringEventId", "domainWideDelegationCredentialId")
                SELECT b->>'type', b->>'uid', (b->>'bookingId')::int, b->>'meetingId', b->>'meetingPassword', b->>'meetingUrl',
                  b->>'externalCalendarId', (b->>'deleted')::boolean, (b->>'credentialId')::int,
                  b->>'thirdPartyRecurringEventId', b->>'domainWideDelegationCredentialId'
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \(referenceJSON)
                """)
        // Soft-deleted references are not updated (Cal.com's `deleted: null` condition).
        case .update:
            return .write("""
                UPDATE "BookingReference" AS r SET
                  type = COALESCE(b->>'type', r.type),
                  uid = COALESCE(b->>'uid', r.uid),
                  "bookingId" = CASE WHEN b ? 'bookingId' THEN (b->>'bookingId')::int ELSE r."bookingId" END,
                  "meetingId" = CASE WHEN b ? 'meetingId' THEN b->>'meetingId' ELSE r."meetingId" END,
                  "meetingPassword" = CASE WHEN b ? 'meetingPassword' THEN b->>'meetingPassword' ELSE r."meetingPassword" END,
                  "meetingUrl" = CASE WHEN b ? 'meetingUrl' THEN b->>'meetingUrl' ELSE r."meetingUrl" END,
                  "externalCalendarId" = CASE WHEN b ? 'externalCalendarId' THEN b->>'externalCalendarId' ELSE r."externalCalendarId" END,
                  deleted = CASE WHEN b ? 'deleted' THEN (b->>'deleted')::boolean ELSE r.deleted END,
                  "credentialId" = CASE WHEN b ? 'credentialId' THEN (b->>'credentialId')::int ELSE r."credentialId" END,
                  "thirdPartyRecurringEventId" = CASE WHEN b ? 'thirdPartyRecurringEventId' THEN b->>'thirdPartyRecurringEventId'
                                                      ELSE r."thirdPartyRecurringEventId" END,
                  "domainWideDelegationCredentialId" = CASE WHEN b ? 'domainWideDelegationCredentialId'
                                                            THEN b->>'domainWideDelegationCredentialId'
                                                            ELSE r."domainWideDelegationCredentialId" END
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE r.id = $1::bigint AND r.deleted IS NULL AND \(Self.visible(to: "$3"))
                RETURNING \(referenceJSON)
                """)
        case .delete:
            return .write(#"DELETE FROM "BookingReference" r WHERE r.id = $1::bigint AND \#(Self.visible(to: "$2"))"#)
        }
    }
}
