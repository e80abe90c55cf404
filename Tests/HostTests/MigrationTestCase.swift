import Foundation
import XCTest
@testable import Host

/// Shared set-up of the migration tests: one private cluster per test class, a fresh empty database per
/// test, and a fingerprint of a schema's shape.
class MigrationTestCase: XCTestCase {
    private static var cluster: EmbeddedPostgres?
    private static var folder = ""
    private static var databases = 0

    /// A session on this test's own database.
    var db: TestSQL!

    override func setUpWithError() throws {
        let cluster = try Self.startedCluster()
        Self.databases += 1
        let name = "migration_\(Self.databases)"
        try TestSQL(url: cluster.url).run("CREATE DATABASE \(name)")
        db = try TestSQL(url: cluster.url(database: name))
    }

    override func tearDown() {
        db = nil
    }

    override class func tearDown() {
        cluster?.stop()
        cluster = nil
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func startedCluster() throws -> EmbeddedPostgres {
        if let cluster {
            return cluster
        }
        folder = try TestSQL.temporaryDirectory("calapi-migration-test")
        let cluster = EmbeddedPostgres(dataDirectory: folder, forTests: true)
        try cluster.start()
        self.cluster = cluster
        return cluster
    }

    /// Runs the migrator on this test's database.
    @discardableResult
    func migrate(steps: [MigrationStep] = MigrationStep.all) throws -> MigrationReport {
        try Migrator.migrate(using: db.run, steps: steps)
    }

    /// Asserts that migrating fails with a message containing `text`, and returns the message.
    @discardableResult
    func assertMigrationRefused(containing text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let report = try migrate()
            XCTFail("migrated (\(report.mode)) instead of refusing", file: file, line: line)
            return ""
        } catch let error as MigrationError {
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: line)
            return error.message
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return ""
        }
    }

    /// An md5 over the current schema's columns, indexes, constraints, sequences and enum labels,
    /// leaving out calapi's own tables (`calapi_…`).
    func fingerprint() throws -> String {
        try XCTUnwrap(db.value("""
            SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM (
                SELECT format('column %s.%s %s %s %s %s %s', table_name, column_name, ordinal_position, data_type,
                              udt_name, is_nullable, coalesce(column_default, '-')) AS line
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND left(table_name, 7) <> 'calapi_'
                UNION ALL
                SELECT format('index %s', indexdef) FROM pg_indexes
                WHERE schemaname = current_schema() AND left(tablename, 7) <> 'calapi_'
                UNION ALL
                SELECT format('constraint %s %s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = current_schema() AND left(c.conrelid::regclass::text, 7) <> 'calapi_'
                UNION ALL
                SELECT format('sequence %s', sequencename) FROM pg_sequences WHERE schemaname = current_schema()
                UNION ALL
                SELECT format('enum %s %s %s', t.typname, e.enumsortorder, e.enumlabel)
                FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = current_schema()
            ) lines
            """))
    }

    /// Whether the current schema has a table of that name.
    func tableExists(_ name: String) throws -> Bool {
        try db.value("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '\(name)'") == "1"
    }

    /// Advisory locks held by any session of the cluster.
    func advisoryLocks() throws -> String? {
        try db.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
    }
}
