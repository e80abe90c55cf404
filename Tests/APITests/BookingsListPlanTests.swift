import XCTest
@testable import Host

/// `GET /bookings` on a large table: a user's page, the `attendeeEmail` filter and an admin's
/// `userId` list are planned through indexes, never by walking the table (read from PostgreSQL's
/// own plans, logged by `auto_explain`).
final class BookingsListPlanTests: APITestCase {
    private func ids(_ response: HTTPClient.Response) -> [Int] { list(response, "bookings").compactMap { $0["id"] as? Int } }

    /// 30000 older bookings of 300 other users, then `count` recent ones of `organizer`, each with
    /// an attendee; the statistics are refreshed so the planner knows the proportions.
    private func seedTable(organizer: Account, count: Int) throws {
        _ = try db.query("""
            INSERT INTO users (username, email) SELECT 'other' || g, 'other' || g || '@example.com' FROM generate_series(1, 300) g
            """, [])
        _ = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
            SELECT 'bulk-' || g, u.id, 'Bulk', now(), now()
            FROM generate_series(1, 30000) g JOIN users u ON u.username = 'other' || (1 + g % 300)
            """, [])
        _ = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
            SELECT 'recent-' || g, $1::int, 'Recent', now(), now() FROM generate_series(1, $2::int) g
            """, [.text(String(organizer.id)), .text(String(count))])
        _ = try db.query("""
            INSERT INTO "Attendee" ("bookingId", email, name, "timeZone")
            SELECT id, 'guest' || (id % 500) || '@example.com', 'Guest', 'UTC' FROM "Booking"
            """, [])
        _ = try db.query(#"ANALYZE "Booking""#, [])
        _ = try db.query(#"ANALYZE "Attendee""#, [])
        _ = try db.query("ANALYZE users", [])
    }

    /// Restarts calapi with every statement's plan logged; returns the log's current size.
    private func logPlans() throws -> Int {
        let database = try XCTUnwrap(try value("SELECT current_database()"))
        _ = try db.query(#"ALTER DATABASE "\#(database)" SET session_preload_libraries = 'auto_explain'"#, [])
        _ = try db.query(#"ALTER DATABASE "\#(database)" SET auto_explain.log_min_duration = 0"#, [])
        _ = server.stop()
        server = try CalapiServer(databaseURL: server.databaseURL, config: configYAML)
        let logPath = try TestDatabase.sharedCluster().logFile
        return (try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The plans logged since `offset` once one mentions `marker`.
    private func plans(since offset: Int, containing marker: String) throws -> String {
        let logPath = try TestDatabase.sharedCluster().logFile
        var text = ""
        for _ in 0..<20 where !text.contains(marker) {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: logPath))
            text = String(decoding: data.dropFirst(offset), as: UTF8.self)
            if !text.contains(marker) { usleep(100_000) }
        }
        return text
    }

    /// Scans of the primary key in a plan, and those that look up one id of the page (cut first,
    /// as `b_1` or `page`) each.
    private func pkeyScans(_ plan: String) -> Int { plan.components(separatedBy: #"using "Booking_pkey" on "Booking" b "#).count - 1 }
    private func pageLookups(_ plan: String) -> Int {
        ["Index Cond: (id = b_1.id)", "Index Cond: (id = page.id)"].reduce(0) { $0 + plan.components(separatedBy: $1).count - 1 }
    }

    func testAUsersPageOfRecentBookingsIsPlannedThroughTheUserIdIndex() throws {
        let alice = try seedUser("alice")
        try seedTable(organizer: alice, count: 1000)
        let offset = try logPlans()
        let response = try call("GET", "/v1/bookings?take=10&page=2", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(ids(response).count, 10)
        let plan = try plans(since: offset, containing: "Booking_userId_idx")
        XCTAssertTrue(plan.contains("Booking_userId_idx"), plan)
        // The primary key may only fetch the page's rows (one lookup each), never walk the table to fill it.
        XCTAssertEqual(pkeyScans(plan), pageLookups(plan), "the page is not filled by walking the table: \(plan)")
        XCTAssertFalse(plan.contains(#"Seq Scan on "Booking""#), plan)
        XCTAssertFalse(plan.contains(#"Seq Scan on "Attendee""#), "the page's attendees are found by index: \(plan)")
    }

    func testTheAttendeeEmailFilterAndAnAdminsUserListUseIndexes() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        try seedTable(organizer: alice, count: 1000)
        let offset = try logPlans()
        let filtered = try call("GET", "/v1/bookings?attendeeEmail=GUEST7@example.com", as: alice)
        XCTAssertEqual(filtered.status, 200)
        XCTAssertFalse(ids(filtered).isEmpty)
        let filterPlan = try plans(since: offset, containing: "Attendee_")
        XCTAssertFalse(filterPlan.contains(#"Seq Scan on "Attendee""#), filterPlan)
        XCTAssertFalse(filterPlan.contains(#"Seq Scan on "Booking""#), filterPlan)

        let logPath = try TestDatabase.sharedCluster().logFile
        let next = (try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? NSNumber)?.intValue ?? 0
        let byUser = try call("GET", "/v1/bookings?userId=\(alice.id)&take=5&page=1", as: admin)
        XCTAssertEqual(byUser.status, 200)
        XCTAssertEqual(ids(byUser).count, 5)
        let userPlan = try plans(since: next, containing: "Booking_userId_idx")
        XCTAssertTrue(userPlan.contains("Booking_userId_idx"), userPlan)
        XCTAssertFalse(userPlan.contains(#"Seq Scan on "Booking""#), userPlan)
    }

    /// With `calapi indexes --apply`'s ("userId", id) index, a user's page is read from the index
    /// alone: no visit of the user's rows spread over the table, only the page's own rows.
    func testWithTheSuggestedIndexAUsersPageIsReadFromTheIndexAlone() throws {
        let alice = try seedUser("alice")
        try seedTable(organizer: alice, count: 1000)
        let applied = try runCalapi(["indexes", "--apply"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        _ = try db.query(#"VACUUM "Booking""#, [])
        let offset = try logPlans()
        let response = try call("GET", "/v1/bookings?take=10&page=3", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(ids(response).count, 10)
        let plan = try plans(since: offset, containing: "calapi_Booking_userId_id_idx")
        XCTAssertTrue(plan.contains(#"Index Only Scan using "calapi_Booking_userId_id_idx" on "Booking""#), plan)
        XCTAssertFalse(plan.contains(#"Bitmap Heap Scan on "Booking""#), plan)
        XCTAssertEqual(pkeyScans(plan), pageLookups(plan), plan)
    }
}
