/// The start-up check of `rate_limit.shared`: the serving role must be able to count in `calapi_rate_limit`.
enum SharedRateLimitTable {
    struct Unusable: Error, CustomStringConvertible {
        let description: String
    }

    /// Throws, with what to do, when the table is missing or the role may not write it.
    static func check(_ connection: PGConnection) throws {
        let table = Migrator.rateLimitTable
        let rows = try connection.query("""
            SELECT CASE WHEN to_regclass($1) IS NULL THEN 'missing'
                        WHEN has_table_privilege(to_regclass($1), 'SELECT, INSERT, UPDATE') THEN 'ok' ELSE 'denied' END
            """, [.text(table)])
        switch rows.string(0, 0) {
        case "ok":
            return
        case "missing":
            throw Unusable(description: "rate_limit.shared needs the table \(table): run `calapi migrate` as the owner of the tables")
        default:
            throw Unusable(description: "rate_limit.shared: the serving role may not write \(table): "
                + "run the SQL of `calapi db-role-sql` again as the owner of the tables")
        }
    }
}
