/// `calapi migrate`: brings the schema that the connection selects to what calapi serves, following
/// schema.md §6 and §7.
///
/// - empty schema → every step of `MigrationStep.all` (Cal.com's tables in the S2 shape): `.created`;
/// - created by calapi → only its own later steps: `.upToDate` or `.upgraded`;
/// - Cal.com's database → attach mode: checks only, plus calapi's own two tables: `.attached`;
/// - anything else holding some of Cal.com's tables → refused.
///
/// Everything runs under a session advisory lock, so concurrent calapi processes take turns.
enum Migrator {
    /// calapi's bookkeeping table (lower case, so it cannot collide with Cal.com's names).
    static let bookkeepingTable = "calapi_schema_migrations"

    /// The session advisory lock key: "calapi" in ASCII.
    static let advisoryLockKey: Int64 = 0x63_61_6C_61_70_69

    static let createBookkeepingTable = """
        CREATE TABLE IF NOT EXISTS \(bookkeepingTable) (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// calapi's record of emails users set through the API and have not verified since: such an
    /// email grants no access to bookings through attendees (the Users plugin writes it; the
    /// PluginSDK's `SQLFragments.trustedEmail` reads it). Created in every mode, like the
    /// bookkeeping table, and without a foreign key, so Cal.com's `users` table is not touched.
    static let unverifiedEmailTable = "calapi_unverified_email"

    static let createUnverifiedEmailTable = """
        CREATE TABLE IF NOT EXISTS \(unverifiedEmailTable) (
            user_id integer PRIMARY KEY,
            email text NOT NULL,
            changed_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// calapi's shared rate-limit counts (`rate_limit.shared`): one row per user, rewritten by one upsert
    /// per request. UNLOGGED: counts of the current window are worth no WAL, and a crash merely resets them.
    static let rateLimitTable = "calapi_rate_limit"

    static let createRateLimitTable = """
        CREATE UNLOGGED TABLE IF NOT EXISTS \(rateLimitTable) (
            subject bigint PRIMARY KEY,
            window_start timestamptz NOT NULL,
            hits integer NOT NULL
        )
        """

    /// Migrates with every step calapi knows. Throws `MigrationError` with the operator-facing text.
    static func migrate(using run: SQLRunner) throws -> MigrationReport {
        try migrate(using: run, steps: MigrationStep.all)
    }

    /// Migrates with the given steps (oldest first, versions consecutive from 1).
    static func migrate(using run: SQLRunner, steps: [MigrationStep]) throws -> MigrationReport {
        _ = try run("SET TimeZone = 'UTC'")
        _ = try run("SELECT pg_advisory_lock(\(advisoryLockKey))")
        defer { _ = try? run("SELECT pg_advisory_unlock(\(advisoryLockKey))") }

        let survey = try SchemaSurvey.take(using: run)
        let latest = steps.last?.version ?? 0
        switch survey.kind {
        case .empty:
            try requireCreatePrivilege(using: run)
            try apply(steps, using: run)
            _ = try run(createUnverifiedEmailTable)
            _ = try run(createRateLimitTable)
            return MigrationReport(mode: .created)
        case .calapiOwned(let version) where version > latest:
            throw MigrationError("""
                this database was migrated by a newer calapi (schema version \(version); \
                this calapi knows up to \(latest)); upgrade calapi
                """)
        case .calapiOwned(let version) where version == latest:
            try ensureUnverifiedEmailTable(survey, using: run)
            try ensureRateLimitTable(survey, using: run)
            return MigrationReport(mode: .upToDate)
        case .calapiOwned(let version):
            try requireCreatePrivilege(using: run)
            try apply(steps.filter { $0.version > version }, using: run)
            try ensureUnverifiedEmailTable(survey, using: run)
            try ensureRateLimitTable(survey, using: run)
            return MigrationReport(mode: .upgraded(from: version, to: latest))
        case .calcom:
            return try attach(survey, using: run)
        case .unknown(let found):
            throw MigrationError("""
                refusing to migrate: the database is neither empty, nor created by calapi, nor Cal.com's \
                (no "_prisma_migrations", not both users and "EventType"), yet it holds some of Cal.com's \
                tables: \(found.joined(separator: ", ")); point calapi at an empty or a Cal.com database
                """)
        }
    }

    /// Refuses, with what to do instead, when the connection's role may not create tables: the
    /// restricted role `calapi serve` connects as (`DatabaseRole`) never migrates.
    private static func requireCreatePrivilege(using run: SQLRunner) throws {
        let rows = try run("SELECT current_user, has_schema_privilege(current_schema(), 'CREATE')")
        guard case let role?? = rows.first?.first, rows.first?.last == "f" else { return }
        throw MigrationError("""
            the schema needs migrating, but the database role "\(role)" may not create tables in it; \
            run `calapi migrate` with the owner's credentials first
            """)
    }

    /// Creates `calapi_unverified_email` when it is missing: the plugins need it at run time, so a role
    /// that may not create it (the restricted one `calapi serve` connects as) is refused, with what to
    /// do, when it is not there yet.
    private static func ensureUnverifiedEmailTable(_ survey: SchemaSurvey, using run: SQLRunner) throws {
        if survey.tables.contains(unverifiedEmailTable) { return }
        try requireCreatePrivilege(using: run)
        _ = try run(createUnverifiedEmailTable)
    }

    /// Creates `calapi_rate_limit` when it is missing and the role may create tables. Only
    /// `rate_limit.shared` uses it, and serve refuses to start with that setting while it is missing,
    /// so a role that may not create it is not refused here.
    private static func ensureRateLimitTable(_ survey: SchemaSurvey, using run: SQLRunner) throws {
        if survey.tables.contains(rateLimitTable) { return }
        guard try run("SELECT has_schema_privilege(current_schema(), 'CREATE')").first?.first == "t" else { return }
        _ = try run(createRateLimitTable)
    }

    /// Applies each step in its own transaction, together with its bookkeeping row.
    private static func apply(_ steps: [MigrationStep], using run: SQLRunner) throws {
        for step in steps {
            _ = try run("BEGIN")
            do {
                _ = try run(createBookkeepingTable)
                _ = try run(step.sql)
                _ = try run("""
                    INSERT INTO \(bookkeepingTable) (version, description) \
                    VALUES (\(step.version), \(literal(step.description)))
                    """)
                _ = try run("COMMIT")
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        }
    }

    /// Attach mode: read-only checks, then only calapi's own tables.
    private static func attach(_ survey: SchemaSurvey, using run: SQLRunner) throws -> MigrationReport {
        let prismaMigration = survey.tables.contains("_prisma_migrations")
            ? try CalcomSchemaCheck.newestPrismaMigration(using: run) : nil
        try CalcomSchemaCheck.requireSupportedShape(survey, using: run)
        try CalcomSchemaCheck.requireAllTables(survey)
        let blocked = try CalcomSchemaCheck.blockedInserts(using: run)
        // The restricted role (`DatabaseRole`) may not create it, and needs it not.
        if !survey.tables.contains(bookkeepingTable), try run("SELECT has_schema_privilege(current_schema(), 'CREATE')").first?.first == "t" {
            _ = try run(createBookkeepingTable)
        }
        try ensureUnverifiedEmailTable(survey, using: run)
        try ensureRateLimitTable(survey, using: run)
        let warnings = blocked.keys.sorted().map { table in
            let columns = blocked[table]!.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\"\(table)\" has NOT NULL columns without a default that calapi does not know (\(columns)): "
                + "calapi cannot create rows in it"
        }
        return MigrationReport(mode: .attached(prismaMigration: prismaMigration), warnings: warnings, blockedInserts: blocked)
    }

    /// `value` as an SQL string literal.
    static func literal(_ value: String) -> String {
        "'" + value.replacing("'", with: "''") + "'"
    }
}
