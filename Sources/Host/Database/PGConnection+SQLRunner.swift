extension PGConnection {
    /// This connection as the migrator's `SQLRunner`: simple queries, every value as text.
    var sqlRunner: SQLRunner {
        { [self] sql in
            let rows = try simpleQuery(sql)
            return (0..<rows.count).map { row in (0..<rows.columns).map { rows.string(row, $0) } }
        }
    }
}
