import PluginSDK

/// The statements of `GET /slots`; the computation is PluginSDK's `AvailabilitySQL.slots`, built on
/// the same lines as the check of `POST /bookings`.
enum SlotsStatements {
    static var byId = Statement.unset
    static var byUser = Statement.unset
    static var byTeam = Statement.unset
    static var ordered = Statement.unset
    static var periodTooLong = Statement.unset
    static var slots = Statement.unset

    static func register(_ registrar: inout PluginRegistrar) {
        // Each event type lookup answers its id and hosts (the owner, else the team's hosts).
        byId = registrar.statement("event_type_by_id", """
            SELECT e.id, \(AvailabilitySQL.hostList("e")) FROM "EventType" e WHERE e.id = $1::int
            """)
        // $1 username, $2 slug: the user's own (not team) event type.
        byUser = registrar.statement("event_type_by_user", """
            SELECT e.id, \(AvailabilitySQL.hostList("e"))
            FROM users u JOIN "EventType" e ON e."userId" = u.id AND e."teamId" IS NULL
            WHERE u.username = $1 AND e.slug = $2 ORDER BY u.id, e.id LIMIT 1
            """)
        // $1 team slug, $2 slug: the team's event type (a top-level team first).
        byTeam = registrar.statement("event_type_by_team", """
            SELECT e.id, \(AvailabilitySQL.hostList("e"))
            FROM "Team" t JOIN "EventType" e ON e."teamId" = t.id
            WHERE t.slug = $1 AND e.slug = $2 ORDER BY t."parentId" NULLS FIRST, t.id, e.id LIMIT 1
            """)
        // Whether the period ends after it starts.
        ordered = registrar.statement("ordered", "SELECT $2::timestamptz > $1::timestamptz")
        periodTooLong = registrar.statement("period_too_long", AvailabilitySQL.periodTooLong)
        slots = registrar.statement("slots", AvailabilitySQL.slots)
    }
}
