/// What `Migrator.migrate` did.
struct MigrationReport: Equatable {
    /// Which path the migrator took.
    enum Mode: Equatable {
        /// The schema was empty; calapi created Cal.com's tables.
        case created
        /// calapi created this schema earlier and it is at the newest version already.
        case upToDate
        /// calapi created this schema earlier; the steps after `from` up to `to` were applied.
        case upgraded(from: Int, to: Int)
        /// The schema is Cal.com's own; nothing of it was changed. `prismaMigration` is the newest
        /// finished entry of `"_prisma_migrations"`, when that table exists.
        case attached(prismaMigration: String?)
    }

    /// Which path the migrator took.
    var mode: Mode
    /// Findings for the operator's log (attach mode only): columns that will make inserts fail.
    var warnings: [String] = []
    /// Table → the columns found there that are NOT NULL, have no default and are unknown to calapi
    /// (schema.md §5). Creating rows in such a table fails until the database changes; the routes that
    /// insert into it should answer a clear error.
    var blockedInserts: [String: [String]] = [:]
}

/// A refusal or failure of `calapi migrate`, with the text to show the operator.
struct MigrationError: Error, Equatable, CustomStringConvertible {
    /// The user-facing message.
    let message: String

    /// Wraps a user-facing message.
    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
