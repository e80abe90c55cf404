import PluginSDK

/// The statements of the availability routes; the computation itself is PluginSDK's
/// `AvailabilitySQL.report`, the same code that guards `POST /bookings`.
enum AvailabilityStatements {
    static var report = Statement.unset
    static var userByName = Statement.unset
    static var userExists = Statement.unset
    static var members = Statement.unset
    static var periodTooLong = Statement.unset

    static func register(_ registrar: inout PluginRegistrar) {
        report = registrar.statement("availability_report", AvailabilitySQL.report)
        periodTooLong = registrar.statement("period_too_long", AvailabilitySQL.periodTooLong)
        userByName = registrar.statement("user_by_name", #"SELECT id FROM users WHERE username = $1 ORDER BY id LIMIT 1"#)
        userExists = registrar.statement("user_exists", #"SELECT id FROM users WHERE id = $1::bigint"#)
        // Whether the team exists (one row), with one page ($2 LIMIT, $3 OFFSET) of its accepted
        // members' ids, lowest first.
        members = registrar.statement("team_members", """
            SELECT (SELECT string_agg(p."userId"::text, ',' ORDER BY p."userId")
                    FROM (SELECT m."userId" FROM "Membership" m WHERE m."teamId" = t.id AND m.accepted
                          ORDER BY m."userId" LIMIT $2::bigint OFFSET $3::bigint) p)
            FROM "Team" t WHERE t.id = $1::bigint
            """)
        MembershipLookup.register(&registrar)
    }
}
