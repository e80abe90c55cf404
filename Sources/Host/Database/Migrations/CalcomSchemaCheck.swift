/// The read-only checks attach mode runs on a Cal.com database (schema.md §5, §7.5).
enum CalcomSchemaCheck {
    /// The newest finished, not rolled back migration in `"_prisma_migrations"` (never written to);
    /// nil when the role may not read that table (the restricted role of `DatabaseRole`).
    static func newestPrismaMigration(using run: SQLRunner) throws -> String? {
        guard try run(#"SELECT has_table_privilege('"_prisma_migrations"', 'SELECT')"#).first?.first == "t" else { return nil }
        let rows = try run("""
            SELECT migration_name FROM "_prisma_migrations"
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
            ORDER BY migration_name DESC LIMIT 1
            """)
        return rows.first?.first ?? nil
    }

    /// Fails with the "predates" message when a marker of the S2 shape is missing.
    static func requireSupportedShape(_ survey: SchemaSurvey, using run: SQLRunner) throws {
        let markers = [("users", "avatarUrl"), ("Membership", "id"), ("SelectedCalendar", "id"), ("Team", "logoUrl")]
        let pairs = markers.map { "(\(Migrator.literal($0.0)), \(Migrator.literal($0.1)))" }.joined(separator: ", ")
        let present = Set(try run("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (table_name, column_name) IN (\(pairs))
            """).compactMap { $0.first ?? nil })
        var missing = markers.map { "\($0.0).\($0.1)" }.filter { !present.contains($0) }
        if !survey.tables.contains("UserPassword") {
            missing.append("table UserPassword")
        }
        let awaitingHost = try run("""
            SELECT 1 FROM pg_enum e
            JOIN pg_type t ON t.oid = e.enumtypid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema() AND t.typname = 'BookingStatus' AND e.enumlabel = 'awaiting_host'
            """)
        if awaitingHost.isEmpty {
            missing.append("BookingStatus label awaiting_host")
        }
        if !missing.isEmpty {
            throw MigrationError("""
                this Cal.com database predates the supported schema; upgrade Cal.com first \
                (missing: \(missing.joined(separator: ", ")))
                """)
        }
    }

    /// Fails when a table of schema.md §3 is missing: calapi never creates one in Cal.com's database.
    static func requireAllTables(_ survey: SchemaSurvey) throws {
        let missing = survey.missingCalcomTables
        if !missing.isEmpty {
            throw MigrationError("""
                this Cal.com database lacks tables calapi needs (\(missing.joined(separator: ", "))); \
                calapi does not create tables in a Cal.com database
                """)
        }
    }

    /// Columns of the tables calapi inserts into that are NOT NULL, have no default and are unknown to
    /// calapi, by table (schema.md §5).
    static func blockedInserts(using run: SQLRunner) throws -> [String: [String]] {
        let tables = SchemaCatalog.insertedTables.map(Migrator.literal).joined(separator: ", ")
        let rows = try run("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name IN (\(tables))
              AND is_nullable = 'NO' AND column_default IS NULL
              AND is_identity = 'NO' AND is_generated = 'NEVER'
            ORDER BY table_name, ordinal_position
            """)
        var blocked: [String: [String]] = [:]
        for row in rows {
            guard row.count == 2, let table = row[0], let column = row[1] else { continue }
            if !SchemaCatalog.columns(of: table).contains(column) {
                blocked[table, default: []].append(column)
            }
        }
        return blocked
    }
}
