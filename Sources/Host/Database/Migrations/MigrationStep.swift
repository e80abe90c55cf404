/// One versioned change to a schema that calapi created, applied in its own transaction together
/// with its row in `calapi_schema_migrations`.
struct MigrationStep {
    /// Consecutive from 1; the row written to `calapi_schema_migrations.version`.
    let version: Int
    /// A short sentence stored with the version.
    let description: String
    /// The statements, without `BEGIN`/`COMMIT`.
    let sql: String

    /// Every step calapi knows, oldest first. Later steps must be additive.
    static let all: [MigrationStep] = [Migration0001.step]
}
