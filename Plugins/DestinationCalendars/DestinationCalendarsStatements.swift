import PluginSDK

/// Every statement of the plugin. A destination calendar belongs to a user, or to an event type
/// (then its `userId` is NULL); a user reaches both kinds through their personal event types.
enum DestinationCalendarsStatements {
    static var list = Statement.unset
    static var find = Statement.unset
    static var target = Statement.unset
    static var eventTypeOwner = Statement.unset
    static var insert = Statement.unset
    static var update = Statement.unset
    static var delete = Statement.unset

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

    static func register(_ registrar: inout PluginRegistrar) {
        // $1 users (one or an array): their calendars and their event types' calendars; one page:
        // $2 LIMIT, $3 OFFSET.
        list = registrar.statement("list", SQLFragments.jsonPage(calendarJSON, table: #""DestinationCalendar""#, alias: "d", from: """
            "DestinationCalendar" d
            WHERE d."userId" IN (\(SQLFragments.integers(ofJSON: "$1::jsonb")))
               OR d."eventTypeId" IN (SELECT e.id FROM "EventType" e WHERE e."userId" IN (\(SQLFragments.integers(ofJSON: "$1::jsonb"))))
            """, orderBy: "d.id", limit: "$2", offset: "$3"))

        // $1 id, $2 the only user allowed (NULL for admins).
        find = registrar.statement("find", #"SELECT \#(calendarJSON) FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(visible(to: "$2"))"#)

        target = registrar.statement("target",
            #"SELECT d."userId", d."eventTypeId" FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(visible(to: "$2"))"#)

        eventTypeOwner = registrar.statement("event_type_owner", #"SELECT "userId" FROM "EventType" WHERE id = $1::int"#)

        // $1 body, $2 the row's user (NULL for an event type's calendar), $3 the user whose connection it uses.
        insert = registrar.statement("insert", writes: true, """
            INSERT INTO "DestinationCalendar" AS d (integration, "externalId", "userId", "eventTypeId", "credentialId")
            SELECT b->>'integration', b->>'externalId', $2::int, NULLIF((b->>'eventTypeId')::int, 0),
              \(connectedCredential(user: "$3::int", integration: "b->>'integration'", externalId: "b->>'externalId'"))
            FROM (SELECT $1::jsonb AS b) AS input
            RETURNING \(calendarJSON)
            """)

        // $1 id, $2 body, $3 the assigned user, $4 the only user allowed (NULL for admins). A new
        // calendar takes the credential of the matching selected calendar, or keeps the current one
        // within the same integration.
        update = registrar.statement("update", writes: true, """
            UPDATE "DestinationCalendar" AS d SET
              integration = CASE WHEN changed THEN b->>'integration' ELSE d.integration END,
              "externalId" = CASE WHEN changed THEN b->>'externalId' ELSE d."externalId" END,
              "eventTypeId" = COALESCE(NULLIF((b->>'eventTypeId')::int, 0), d."eventTypeId"),
              "credentialId" = CASE WHEN NOT changed THEN d."credentialId" ELSE COALESCE(
                \(connectedCredential(user: "$3::int", integration: "b->>'integration'", externalId: "b->>'externalId'")),
                CASE WHEN b->>'integration' = d.integration THEN d."credentialId" END) END
            FROM (SELECT b, COALESCE(b->>'integration', '') <> '' AND COALESCE(b->>'externalId', '') <> '' AS changed
                  FROM (SELECT $2::jsonb AS b) AS raw) AS input
            WHERE d.id = $1::int AND \(visible(to: "$4"))
            RETURNING \(calendarJSON)
            """)

        // $1 id, $2 the only user allowed (NULL for admins).
        delete = registrar.statement("delete", writes: true, #"DELETE FROM "DestinationCalendar" d WHERE d.id = $1::int AND \#(visible(to: "$2"))"#)
    }
}
