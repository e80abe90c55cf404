import XCTest
@testable import Host

/// `calapi migrate` on databases it did not create: Cal.com's (attach mode), S1-era ones and unknown
/// ones (schema.md §5 – §7).
final class MigrationAttachTests: MigrationTestCase {
    /// Turns this test's database into what Cal.com leaves behind: the S2 tables, Prisma's bookkeeping,
    /// none of calapi's own tables.
    private func makeCalcomDatabase(withPrismaTable: Bool = true) throws {
        try migrate()
        try db.run("DROP TABLE calapi_schema_migrations; DROP TABLE calapi_unverified_email; DROP TABLE calapi_rate_limit")
        guard withPrismaTable else { return }
        try db.run("""
            CREATE TABLE "_prisma_migrations" (
                "id" VARCHAR(36) PRIMARY KEY NOT NULL,
                "checksum" VARCHAR(64) NOT NULL,
                "finished_at" TIMESTAMPTZ,
                "migration_name" VARCHAR(255) NOT NULL,
                "logs" TEXT,
                "rolled_back_at" TIMESTAMPTZ,
                "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
                "applied_steps_count" INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, rolled_back_at) VALUES
                ('1', 'c1', now(), '20241120000000_older', NULL),
                ('2', 'c2', now(), '20250110000000_newest_applied', NULL),
                ('3', 'c3', NULL, '20250120000000_failed', NULL),
                ('4', 'c4', now(), '20250130000000_rolled_back', now());
            """)
    }

    private func prismaRows() throws -> [[String?]] {
        try db.run("SELECT id, checksum, finished_at::text, migration_name FROM \"_prisma_migrations\" ORDER BY id")
    }

    func testCalcomDatabaseIsAttachedWithoutChanges() throws {
        try makeCalcomDatabase()
        let before = try fingerprint()
        let prismaBefore = try prismaRows()

        let report = try migrate()
        XCTAssertEqual(report, MigrationReport(mode: .attached(prismaMigration: "20250110000000_newest_applied")))
        XCTAssertEqual(try fingerprint(), before)
        XCTAssertEqual(try prismaRows(), prismaBefore)
        XCTAssertTrue(try tableExists("calapi_schema_migrations"))
        XCTAssertTrue(try tableExists("calapi_unverified_email"))
        XCTAssertTrue(try tableExists("calapi_rate_limit"), "created for rate_limit.shared")
        XCTAssertEqual(try db.value("SELECT count(*) FROM calapi_schema_migrations"), "0")
        XCTAssertEqual(try advisoryLocks(), "0")

        XCTAssertEqual(try migrate().mode, .attached(prismaMigration: "20250110000000_newest_applied"))
        XCTAssertEqual(try fingerprint(), before)
    }

    func testCalcomDatabaseWithoutPrismaTableIsAttached() throws {
        try makeCalcomDatabase(withPrismaTable: false)
        let before = try fingerprint()
        XCTAssertEqual(try migrate(), MigrationReport(mode: .attached(prismaMigration: nil)))
        XCTAssertEqual(try fingerprint(), before)
    }

    func testNewerCalcomShapeIsAccepted() throws {
        try makeCalcomDatabase()
        try db.run("""
            ALTER TABLE "DomainWideDelegation" RENAME TO "DelegationCredential";
            ALTER TABLE "Membership" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
            ALTER TABLE "Team" ADD COLUMN "hideTeamProfileLink" BOOLEAN NOT NULL DEFAULT false;
            DROP INDEX "_user_eventtype_AB_unique";
            ALTER TABLE "_user_eventtype" ADD CONSTRAINT "_user_eventtype_AB_pkey" PRIMARY KEY ("A", "B");
            ALTER TYPE "BookingStatus" ADD VALUE 'some_later_status';
            """)
        let before = try fingerprint()
        let report = try migrate()
        XCTAssertEqual(report.mode, .attached(prismaMigration: "20250110000000_newest_applied"))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(try fingerprint(), before)
    }

    func testUnknownRequiredColumnsAreReported() throws {
        try makeCalcomDatabase()
        try db.run("""
            ALTER TABLE "Membership" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL;
            ALTER TABLE "Booking" ADD COLUMN "tenant" TEXT NOT NULL, ADD COLUMN "region" TEXT NOT NULL;
            ALTER TABLE "Booking" ADD COLUMN "optional" TEXT;
            ALTER TABLE "Payment" ADD COLUMN "ledger" TEXT NOT NULL;
            """)
        let before = try fingerprint()
        let report = try migrate()
        XCTAssertEqual(report.mode, .attached(prismaMigration: "20250110000000_newest_applied"))
        XCTAssertEqual(report.blockedInserts, ["Booking": ["tenant", "region"], "Membership": ["updatedAt"]])
        XCTAssertEqual(report.warnings, [
            "\"Booking\" has NOT NULL columns without a default that calapi does not know (\"tenant\", \"region\"): calapi cannot create rows in it",
            "\"Membership\" has NOT NULL columns without a default that calapi does not know (\"updatedAt\"): calapi cannot create rows in it",
        ])
        XCTAssertEqual(try fingerprint(), before)
    }

    func testS1ShapedDatabaseIsRefused() throws {
        try makeCalcomDatabase()
        try db.run("""
            ALTER TABLE users RENAME COLUMN "avatarUrl" TO avatar;
            DROP TABLE "UserPassword";
            """)
        let before = try fingerprint()
        let message = assertMigrationRefused(containing: "this Cal.com database predates the supported schema; upgrade Cal.com first")
        XCTAssertTrue(message.contains("users.avatarUrl"), message)
        XCTAssertTrue(message.contains("table UserPassword"), message)
        XCTAssertEqual(try fingerprint(), before)
        XCTAssertFalse(try tableExists("calapi_schema_migrations"))
        XCTAssertEqual(try advisoryLocks(), "0")
    }

    func testBookingStatusWithoutAwaitingHostIsRefused() throws {
        try makeCalcomDatabase(withPrismaTable: false)
        try db.run("ALTER TYPE \"BookingStatus\" RENAME VALUE 'awaiting_host' TO 'not_yet'")
        let message = assertMigrationRefused(containing: "predates the supported schema")
        XCTAssertTrue(message.contains("BookingStatus label awaiting_host"), message)
    }

    func testCalcomDatabaseMissingATableIsRefused() throws {
        try makeCalcomDatabase()
        try db.run("DROP TABLE \"Payment\"")
        let before = try fingerprint()
        assertMigrationRefused(containing: "this Cal.com database lacks tables calapi needs (Payment)")
        XCTAssertEqual(try fingerprint(), before)
        XCTAssertFalse(try tableExists("calapi_schema_migrations"))
    }

    func testUnknownPartialDatabaseIsRefused() throws {
        try db.run("""
            CREATE TABLE "Team" (id integer);
            CREATE TABLE "Booking" (id integer);
            CREATE TABLE notes (id integer);
            """)
        let before = try fingerprint()
        let message = assertMigrationRefused(containing: "refusing to migrate")
        XCTAssertTrue(message.hasSuffix("tables: Booking, Team; point calapi at an empty or a Cal.com database"), message)
        XCTAssertEqual(try fingerprint(), before)
        XCTAssertFalse(try tableExists("calapi_schema_migrations"))
        XCTAssertEqual(try advisoryLocks(), "0")
    }

    func testUnrelatedTablesAloneCountAsEmpty() throws {
        try db.run("CREATE TABLE notes (id integer)")
        XCTAssertEqual(try migrate(), MigrationReport(mode: .created))
        XCTAssertTrue(try tableExists("notes"))
    }
}
