/// calapi's first schema step: Cal.com's tables in the S2 shape (schema.md §3), for an empty database.
///
/// The SQL is written the way Prisma writes a migration: every enum type, then every table (columns,
/// defaults, primary key), then every index, then every foreign key. Adding the foreign keys last lets
/// the tables reference each other in cycles (users → Team → PlatformOAuthClient → Team, users → Profile → users).
enum Migration0001 {
    /// One area of the schema: its tables, its indexes and its foreign keys, kept apart so that the
    /// step can emit all tables first, then all indexes, then all foreign keys.
    struct Area {
        /// `CREATE TABLE` statements.
        let tables: String
        /// `CREATE [UNIQUE] INDEX` statements.
        let indexes: String
        /// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY` statements.
        let foreignKeys: String
    }

    /// Every area, in the order their tables are created.
    static let areas: [Area] = [users, teams, eventTypes, schedules, calendars, bookings, access]

    /// The step as the migrator runs it.
    static let step = MigrationStep(
        version: 1,
        description: "create Cal.com's schema (S2 shape)",
        sql: ([enums] + areas.map(\.tables) + areas.map(\.indexes) + areas.map(\.foreignKeys))
            .joined(separator: "\n")
    )
}
