import PluginSDK

/// Every statement of the plugin. A destination calendar belongs to a user, or to an event type
/// (then its `userId` is NULL); a user reaches both kinds through their personal event types.
enum DestinationCalendarsSQL: StatementSet {
    case list, find, target, eventTypeOwner, insert, update, delete

    /// The public object of the row aliased `d`, as compact JSON.
    static let calendarJSON = """
        (SELECT row_to_json(p) FROM (SELECT d.id, d.integration, d."externalId", d."eventTypeId", d."userId") p)
        """

    /// The row aliased `d` belongs to user `$n` or to one of their event types (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::int IS NULL OR d."userId" = \#(parameter)::int OR d."eventTypeId" IN (SELECT e.id FROM "EventType" e WHERE e."userId" = \#(parameter)::int))"#
    }

    /// The credential of a calendar the user connected: the one their selected calendar with the same
    /// integration and external id uses (calapi cannot read credentials or ask the provider).
    private static func connectedCredential(user: String, integration: String, externalId: String) -> String {
        """
        (SELECT sc."credentialId" FROM "SelectedCalendar" sc
         WHERE sc."userId" = \(user) AND sc.integration = \(integration) AND sc."externalId" = \(externalId)
           AND sc."credentialId" IS NOT NULL ORDER BY sc.id LIMIT 1)
        """
    }

    var statement: Statement {
        let calendarJSON = Self.calendarJSON
        switch self {
        // $1 users (one or an array): their calendars and their event types' calendars; one page:
        // $2 LIMIT, $3 OFFSET.
        case .list:
            return .read(SQLFragments.jsonPage(calendarJSON, table: #""DestinationCalendar""#, alias: "d", from: """
                "DestinationCalendar" d
                WHERE d."userId" IN (\(SQLFragments.integers(ofJSON: "$1::jsonb")))
                   OR d."eventTypeId" IN (SELECT e.id FROM "EventType" e WHERE e."userId" IN (\(SQLFragments.integers(ofJSON: "$1::jsonb"))))
                """, orderBy: "d.id", limit: "$2", offset: "$3"))

        // $1 id, $2 the only user allowed (NULL for admins).
        case .find:
            return .read(#"SELECT \#(calendarJSON) FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(Self.visible(to: "$2"))"#)

        case .target:
            return .read(
                #"SELECT d."userId", d."eventTypeId" FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(Self.visible(to: "$2"))"#)

        case .eventTypeOwner:
            return .read(#"SELECT "userId" FROM "EventType" WHERE id = $1::int"#)

        // $1 body, $2 the row's user (NULL for an event type's calendar), $3 the user whose connection it uses.
        case .insert:
            return .write("""
                INSERT INTO "DestinationCalendar" AS d (integration, "externalId", "userId", "eventTypeId", "credentialId")
                SELECT b->>'integration', b->>'externalId', $2::int, NULLIF((b->>'eventTypeId')::int, 0),
                  \(Self.connectedCredential(user: "$3::int", integration: "b->>'integration'", externalId: "b->>'externalId'"))
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \(calendarJSON)
                """)

        // $1 id, $2 body, $3 the assigned user, $4 the only user allowed (NULL for admins). A new
        // calendar takes the credential of the matching selected calendar, or keeps the current one
        // within the same integration.
        case .update:
            return .write("""
                UPDATE "DestinationCalendar" AS d SET
                  integration = CASE WHEN changed THEN b->>'integration' ELSE d.integration END,
                  "externalId" = CASE WHEN changed THEN b->>'externalId' ELSE d."externalId" END,
                  "eventTypeId" = COALESCE(NULLIF((b->>'eventTypeId')::int, 0), d."eventTypeId"),
                  "credentialId" = CASE WHEN NOT changed THEN d."credentialId" ELSE COALESCE(
                    \(Self.connectedCredential(user: "$3::int", integration: "b->>'integration'", externalId: "b->>'externalId'")),
                    CASE WHEN b->>'integration' = d.integration THEN d."credentialId" END) END
                FROM (SELECT b, COALESCE(b->>'integration', '') <> '' AND COALESCE(b->>'externalId', '') <> '' AS changed
                      FROM (SELECT $2::jsonb AS b) AS raw) AS input
                WHERE d.id = $1::int AND \(Self.visible(to: "$4"))
                RETURNING \(calendarJSON)
                """)

        // $1 id, $2 the only user allowed (NULL for admins).
        case .delete:
            return .write(#"DELETE FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(Self.visible(to: "$2"))"#)
        }
    }
}
