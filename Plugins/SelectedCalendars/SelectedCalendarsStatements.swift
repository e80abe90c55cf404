import PluginSDK

/// Every statement of the plugin. v1 only sees user-level rows (`eventTypeId` NULL) and addresses
/// them by (userId, integration, externalId); the table's `id` is a uuid calapi generates.
enum SelectedCalendarsSQL: StatementSet {
    case list, find, userExists, insert, update, delete

    /// The public object of the row aliased `c`, as compact JSON.
    static let calendarJSON = """
        (SELECT row_to_json(p) FROM (SELECT c.id, c."userId", c.integration, c."externalId", c."credentialId",
          c."googleChannelId", c."googleChannelKind", c."googleChannelResourceId", c."googleChannelResourceUri",
          c."googleChannelExpiration", c.error, c."eventTypeId") p)
        """

    /// The id of the one user-level row with key `$1` (user), `$2` (integration), `$3` (external id).
    private static let keyed = """
        (SELECT k.id FROM "SelectedCalendar" k
         WHERE k."userId" = $1::int AND k.integration = $2::text AND k."externalId" = $3::text AND k."eventTypeId" IS NULL
         ORDER BY k.id LIMIT 1)
        """

    var statement: Statement {
        let calendarJSON = Self.calendarJSON
        let keyed = Self.keyed
        switch self {
        // $1 the only user allowed (NULL for admins), $2 userId filter (one or an array); one page:
        // $3 LIMIT, $4 OFFSET (ties of the key, never expected, broken by the row's id).
        case .list:
            return .read(SQLFragments.jsonPage(calendarJSON, table: #""SelectedCalendar""#, alias: "c", from: """
                "SelectedCalendar" c
                WHERE c."eventTypeId" IS NULL AND ($1::int IS NULL OR c."userId" = $1::int)
                  AND ($2::jsonb IS NULL OR c."userId" IN (\(SQLFragments.integers(ofJSON: "$2::jsonb"))))
                """, orderBy: #"c."userId", c.integration, c."externalId", c.id"#, limit: "$3", offset: "$4"))

        case .find:
            return .read(#"SELECT \#(calendarJSON) FROM "SelectedCalendar" c WHERE c.id = \#(keyed)"#)

        case .userExists:
            return .read("SELECT 1 FROM users WHERE id = $1::int")

        // $1 body, $2 user. Nothing is inserted when the user already has that calendar.
        case .insert:
            return .write("""
                INSERT INTO "SelectedCalendar" AS c (id, "userId", integration, "externalId")
                SELECT gen_random_uuid()::text, $2::int, b->>'integration', b->>'externalId'
                FROM (SELECT $1::jsonb AS b) AS input
                WHERE NOT EXISTS (SELECT 1 FROM "SelectedCalendar" o
                                  WHERE o."userId" = $2::int AND o.integration = b->>'integration'
                                    AND o."externalId" = b->>'externalId' AND o."eventTypeId" IS NULL)
                RETURNING \(calendarJSON)
                """)

        // $1–$3 key, $4 body, $5 new user (NULL keeps it). Nothing is updated when the new key is taken.
        case .update:
            return .write("""
                UPDATE "SelectedCalendar" AS c SET
                  "userId" = COALESCE($5::int, c."userId"),
                  integration = COALESCE(b->>'integration', c.integration),
                  "externalId" = COALESCE(b->>'externalId', c."externalId")
                FROM (SELECT $4::jsonb AS b) AS input
                WHERE c.id = \(keyed)
                  AND NOT EXISTS (SELECT 1 FROM "SelectedCalendar" o
                                  WHERE o.id <> c.id AND o."eventTypeId" IS NULL AND o."userId" = COALESCE($5::int, c."userId")
                                    AND o.integration = COALESCE(b->>'integration', c.integration)
                                    AND o."externalId" = COALESCE(b->>'externalId', c."externalId"))
                RETURNING \(calendarJSON)
                """)

        case .delete:
            return .write(#"DELETE FROM "SelectedCalendar" WHERE id = \#(keyed)"#)
        }
    }
}
