import PluginSDK

/// The statements of the availability routes; the computation itself is PluginSDK's
/// `AvailabilitySQL.report`, the same code that guards `POST /bookings`.
enum AvailabilityStatements: StatementSet {
    case report, userByName, userExists, members

    var statement: Statement {
        switch self {
        case .report: return .read(AvailabilitySQL.report)
        case .userByName: return .read(#"SELECT id FROM users WHERE username = $1 ORDER BY id LIMIT 1"#)
        case .userExists: return .read(#"SELECT id FROM users WHERE id = $1::bigint"#)
        // Whether the team exists (one row), with one page ($2 LIMIT, $3 OFFSET) of its accepted
        // members' ids, lowest first.
        case .members:
            return .read("""
                SELECT (SELECT string_agg(p."userId"::text, ',' ORDER BY p."userId")
                        FROM (SELECT m."userId" FROM "Membership" m WHERE m."teamId" = t.id AND m.accepted
                              ORDER BY m."userId" LIMIT $2::bigint OFFSET $3::bigint) p)
                FROM "Team" t WHERE t.id = $1::bigint
                """)
        }
    }
}
