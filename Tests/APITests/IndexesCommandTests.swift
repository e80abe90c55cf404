import XCTest
@testable import Host

/// `calapi indexes`: prints the suggested indexes and changes nothing; `--apply` creates the missing
/// ones; an equivalent index under another name counts as present.
final class IndexesCommandTests: APITestCase {
    private func indexNames() throws -> [String] {
        let rows = try db.query("SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1", [])
        return (0..<rows.count).compactMap { rows.string($0, 0) }
    }

    func testPrintsWithoutChangingThenApplies() throws {
        let before = try indexNames()
        let printed = try runCalapi(["indexes"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains(#"CREATE INDEX CONCURRENTLY IF NOT EXISTS "calapi_Booking_userId_id_idx" ON "Booking" ("userId", "id");"#),
                      printed.stdout)
        XCTAssertTrue(printed.stdout.contains(#"ON "HashedLink" ("eventTypeId");"#), printed.stdout)
        XCTAssertEqual(try indexNames(), before, "printing changes nothing")

        let applied = try runCalapi(["indexes", "--apply"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let after = try indexNames()
        XCTAssertEqual(Set(after).subtracting(before), ["calapi_Booking_userId_id_idx", "calapi_HashedLink_eventTypeId_idx"])

        let again = try runCalapi(["indexes"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertTrue(again.stdout.contains(#"-- present (calapi_Booking_userId_id_idx): CREATE"#), again.stdout)
    }

    func testAnEquivalentIndexCountsAsPresent() throws {
        _ = try db.query(#"CREATE INDEX "mine" ON "HashedLink" ("eventTypeId", link)"#, [])
        let printed = try runCalapi(["indexes"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertTrue(printed.stdout.contains("-- present (mine):"), printed.stdout)
    }

    func testMigrateAndServeCreateNone() throws {
        let names = try indexNames()
        XCTAssertTrue(Set(names).isDisjoint(with: SuggestedIndex.all.map(\.name)), "\(names)")
    }
}
