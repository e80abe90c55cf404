import PluginSDK

/// The statements of `GET /slots`; the computation is PluginSDK's `AvailabilitySQL.slots`, built on
/// the same lines as the check of `POST /bookings`.
enum SlotsSQL: StatementSet {
    case byId, byUser, byTeam, ordered, slots

    var statement: Statement {
        switch self {
        // Each event type lookup answers its id and hosts (the owner, else the team's hosts).
        case .byId:
            return .read("""
                SELECT e.id, \(AvailabilitySQL.hostList("e")) FROM "EventType" e WHERE e.id = $1::int
                """)
        // $1 username, $2 slug: the user's own (not team) event type.
        case .byUser:
            return .read("""
                SELECT e.id, \(AvailabilitySQL.hostList("e"))
                FROM users u JOIN "EventType" e ON e."userId" = u.id AND e."teamId" IS NULL
                WHERE u.username = $1 AND e.slug = $2 ORDER BY u.id, e.id LIMIT 1
                """)
        // $1 team slug, $2 slug: the team's event type (a top-level team first).
        case .byTeam:
            return .read("""
                SELECT e.id, \(AvailabilitySQL.hostList("e"))
                FROM "Team" t JOIN "EventType" e ON e."teamId" = t.id
                WHERE t.slug = $1 AND e.slug = $2 ORDER BY t."parentId" NULLS FIRST, t.id, e.id LIMIT 1
                """)
        // Whether the period ends after it starts.
        case .ordered:
            return .read("SELECT $2::timestamptz > $1::timestamptz")
        case .slots:
            return .read(AvailabilitySQL.slots)
        }
    }
}
