import PluginSDK

/// The statements of the availability routes; the computation itself is PluginSDK's
/// `AvailabilitySQL.report`, the same code that guards `POST /bookings`.
enum AvailabilityStatements {
    static var report = Statement.unset
    static var userByName = Statement.unset
    static var userExists = Statement.unset
    static var members = Statement.unset

    static func register(_ registrar: inout PluginRegistrar) {
        report = registrar.statement("availability_report", AvailabilitySQL.report)
        userByName = registrar.statement("user_by_name", #"SELECT id FROM users WHERE username = $1 ORDER BY id LIMIT 1"#)
        userExists = registrar.statement("user_exists", #"SELECT id FROM users WHERE id = $1::bigint"#)
        // Whether the team exists (one row), with its accepted members' ids, lowest first.
        members = registrar.statement("team_members", """
            SELECT (SELECT string_agg(m."userId"::text, ',' ORDER BY m."userId")
                    FROM "Membership" m WHERE m."teamId" = t.id AND m.accepted)
            FROM "Team" t WHERE t.id = $1::bigint
            """)
        MembershipLookup.register(&registrar)
    }
}
