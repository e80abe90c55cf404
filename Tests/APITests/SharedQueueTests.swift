import Foundation
import XCTest
@testable import Host

/// The workers take jobs from one shared queue: while one worker is held by a slow request, every
/// other request is served by the free one, none waits behind the slow one. (With a queue per worker
/// and jobs dealt round-robin, every second request here waited for the sleep to end.)
final class SharedQueueTests: XCTestCase {
    private var folder: URL!
    private var server: CalapiServer!
    private var db: PGConnection!

    override func setUpWithError() throws {
        folder = try CPluginBuilder.pluginFolder()
        try CPluginBuilder.build("Sleeper", StatementLimitTests.sleeper, in: folder)
        server = try CalapiServer(databaseURL: try TestDatabase.create(),
                                  config: "database:\n  pool_size: 2\n  statement_timeout: 0\nplugins:\n  load: [Users, Sleeper]\n"
                                      + "resources:\n  sleep: [GET]\n  me: [GET]\n",
                                  environment: ["CALAPI_PLUGIN_DIR": folder.path])
        db = try server.database()
    }

    override func tearDown() {
        server?.stop()
        db?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func sleepingBackends() throws -> Int64 {
        try db.query("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep($1::float8)'
            """, []).int64(0, 0) ?? 0
    }

    func testRequestsGoToTheIdleWorkerWhileTheOtherSleeps() throws {
        let id = try XCTUnwrap(try db.query("INSERT INTO users (email, username) VALUES ('q@example.com', 'q') RETURNING id", []).int64(0, 0))
        let key = try APIKeyMinter.mint(userId: id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)
        let sleeper = try server.client()
        defer { sleeper.close() }
        sleeper.send(HTTPClient.format("GET", "/v1/sleep/600?apiKey=\(key)"))
        var started = false
        for _ in 0..<200 where !started {
            started = try sleepingBackends() == 1
            if !started { usleep(50_000) }
        }
        XCTAssertTrue(started, "the sleep never started")
        for index in 0..<6 {
            // The client gives up after 15 s: a request queued behind the sleep would fail here.
            let response = try server.request("GET", "/v1/me?apiKey=\(key)")
            XCTAssertEqual(response.status, 200, "request \(index): \(response.text)")
        }
        XCTAssertEqual(try sleepingBackends(), 1, "the slow request was still running all along")
    }
}
