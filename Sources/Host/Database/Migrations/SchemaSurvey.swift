/// What the selected schema holds before the migrator changes anything (schema.md §7).
struct SchemaSurvey {
    /// The four situations of schema.md §7.
    enum Kind: Equatable {
        /// None of Cal.com's tables exists: create everything.
        case empty
        /// calapi created this schema; `version` is its newest applied step.
        case calapiOwned(version: Int)
        /// Cal.com's own database: attach without changing it.
        case calcom
        /// Some of Cal.com's tables, but neither Cal.com's nor calapi's database: refuse.
        case unknown(found: [String])
    }

    /// Every ordinary table in the current schema.
    let tables: Set<String>
    /// The newest version recorded in `calapi_schema_migrations`, nil without that table or its rows.
    let calapiVersion: Int?

    /// Looks at the schema that the connection's `search_path` selects.
    static func take(using run: SQLRunner) throws -> SchemaSurvey {
        guard case let schema?? = try run("SELECT current_schema()").first?.first else {
            throw MigrationError("none of the schemas on the connection's search_path exists; create the schema first")
        }
        let tables = Set(try run("""
            SELECT tablename FROM pg_tables WHERE schemaname = \(Migrator.literal(schema))
            """).compactMap { $0.first ?? nil })
        var version: Int?
        // With Prisma's table the version decides nothing (`kind`), and the restricted role may not read it.
        if tables.contains(Migrator.bookkeepingTable) && !tables.contains("_prisma_migrations") {
            let rows = try run("SELECT max(version) FROM \(Migrator.bookkeepingTable)")
            version = (rows.first?.first ?? nil).flatMap { Int($0) }
        }
        return SchemaSurvey(tables: tables, calapiVersion: version)
    }

    /// The decision of schema.md §7: Prisma's bookkeeping first, then calapi's, then users + EventType.
    var kind: Kind {
        if tables.contains("_prisma_migrations") { return .calcom }
        if let version = calapiVersion { return .calapiOwned(version: version) }
        if tables.contains("users") && tables.contains("EventType") { return .calcom }
        let known = SchemaCatalog.tables.map(\.name) + SchemaCatalog.laterNames.values
        let found = known.filter(tables.contains).sorted()
        return found.isEmpty ? .empty : .unknown(found: found)
    }

    /// Tables of schema.md §3 that are absent (under both names, for a renamed one).
    var missingCalcomTables: [String] {
        SchemaCatalog.tables.map(\.name).filter { name in
            !tables.contains(name) && !(SchemaCatalog.laterNames[name].map(tables.contains) ?? false)
        }
    }
}
