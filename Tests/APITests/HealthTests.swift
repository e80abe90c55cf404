import Foundation
import XCTest
@testable import Host

/// `GET /healthz` and `GET /readyz`: no key, at the bare paths, answered on the I/O thread.
final class HealthTests: APITestCase {
    func testHealthAndReadinessNeedNoKeyAndLiveAtTheBarePaths() throws {
        let health = try server.request("GET", "/healthz")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.text, #"{"status":"ok"}"#)
        XCTAssertEqual(health.header("Cache-Control"), "no-store")
        XCTAssertNotNil(health.header("X-Request-Id"))
        let ready = try server.request("GET", "/readyz")
        XCTAssertEqual(ready.status, 200, ready.text)
        XCTAssertEqual(ready.text, #"{"status":"ready"}"#)
        XCTAssertEqual(try server.request("HEAD", "/readyz").status, 200)
        let post = try server.request("POST", "/healthz", body: [:] as [String: Any])
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.header("Allow"), "GET, HEAD")
        XCTAssertEqual(try server.request("GET", "/v1/healthz").status, 404, "operators' endpoints are not part of the API")
    }

    func testReadyzIs503WhileTheDatabaseIsDownAndHealthzStays200() throws {
        let alice = try seedUser("alice")
        db.close()
        let cluster = try TestDatabase.sharedCluster()
        cluster.kill()
        var down: HTTPClient.Response?
        XCTAssertTrue(try eventually(within: 10) {
            down = try server.request("GET", "/readyz")
            return down?.status == 503
        }, "readyz never noticed the database was gone")
        let failing = try XCTUnwrap(down?.json["failing"] as? [String: String], down?.text ?? "")
        XCTAssertNotNil(failing["database"], down?.text ?? "")
        XCTAssertEqual(down?.json["status"] as? String, "not ready")
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200, "the process still serves")
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 503)
        let scrape = try PrometheusScrape(try server.request("GET", "/metrics").text)
        XCTAssertGreaterThanOrEqual(scrape.value("calapi_db_errors_total", ["kind": "unavailable"]), 1)

        try cluster.start()
        XCTAssertTrue(try eventually(within: 10) { try server.request("GET", "/readyz").status == 200 }, "readyz never recovered")
        db = try server.database()
    }

    func testReadyzNamesAPluginThatFailedToLoad() throws {
        let other = try CalapiServer(databaseURL: server.databaseURL,
                                     config: "plugins:\n  load: [Users, Missing]\nresources:\n  me: [GET]\n")
        defer { other.stop() }
        let ready = try other.request("GET", "/readyz")
        XCTAssertEqual(ready.status, 503, ready.text)
        let failing = try XCTUnwrap(ready.json["failing"] as? [String: String], ready.text)
        XCTAssertEqual(failing["plugins"], "not loaded: libMissing.so")
        XCTAssertNil(failing["database"])
        XCTAssertEqual(try other.request("GET", "/healthz").status, 200)
        let scrape = try PrometheusScrape(try other.request("GET", "/metrics").text)
        XCTAssertEqual(scrape.value("calapi_plugins_loaded"), 1)
        XCTAssertEqual(scrape.value("calapi_plugin_load_errors_total"), 1)
    }
}

/// The probes answer while the only worker is held by a slow request.
final class HealthUnderLoadTests: XCTestCase {
    func testProbesAnswerWhileEveryWorkerIsBusy() throws {
        let folder = try CPluginBuilder.pluginFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CPluginBuilder.build("Sleeper", StatementLimitTests.sleeper, in: folder)
        let server = try CalapiServer(databaseURL: try TestDatabase.create(),
                                      config: "database:\n  pool_size: 1\n  statement_timeout: 0\nplugins:\n  load: [Users, Sleeper]\n"
                                          + "resources:\n  sleep: [GET]\n  me: [GET]\n",
                                      environment: ["CALAPI_PLUGIN_DIR": folder.path])
        defer { server.stop() }
        let db = try server.database()
        defer { db.close() }
        let id = try XCTUnwrap(try db.query("INSERT INTO users (email, username) VALUES ('b@example.com', 'b') RETURNING id", []).int64(0, 0))
        let key = try APIKeyMinter.mint(userId: id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)

        let sleeper = try server.client()
        sleeper.send(HTTPClient.format("GET", "/v1/sleep/600?apiKey=\(key)"))
        XCTAssertTrue(try eventually(within: 10) {
            try db.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'",
                         []).int64(0, 0) == 1
        }, "the sleep never started")
        XCTAssertEqual(try server.request("GET", "/healthz").status, 200)
        XCTAssertEqual(try server.request("GET", "/readyz").status, 200)
        let scrape = try PrometheusScrape(try server.request("GET", "/metrics").text)
        XCTAssertEqual(scrape.value("calapi_db_pool_connections", ["state": "busy"]), 1)
        XCTAssertEqual(scrape.value("calapi_db_pool_connections", ["state": "idle"]), 0)
        XCTAssertGreaterThanOrEqual(scrape.value("calapi_http_connections"), 2, "the sleeper's and the scrape's")
        sleeper.close()
    }
}
