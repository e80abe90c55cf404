import Foundation
import Glibc
import XCTest
@testable import Host

/// No statement holds a worker for ever: `database.statement_timeout` stops a long one (503), and a
/// client that disconnects gets its running statement cancelled. A plain-C plugin provides the slow
/// statement (`pg_sleep`); the server runs one worker, so every later answer proves the worker is free.
final class StatementLimitTests: XCTestCase {
    static let sleeper = """
        #include "calapi_plugin.h"
        static const calapi_host_v1 *host;
        static calapi_stmt_id nap;
        static int32_t sleep_for(calapi_req *req, void *unused) {
            calapi_value p[1] = {{ .type = CALAPI_PARAM_TEXT, .s = host->path_param(req, CALAPI_LIT("seconds")) }};
            calapi_rows *rows;
            if (host->db_exec(req, nap, 1, p, &rows) != CALAPI_DB_OK) return CALAPI_FAIL;
            host->json_begin_object(req);
            host->json_key(req, CALAPI_LIT("slept"));
            host->json_write_bool(req, 1);
            host->json_end_object(req);
            return CALAPI_OK;
        }
        CALAPI_PLUGIN_MAGIC("sleeper", "0.1.0")
        CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
            host = h;
            reg->declare_resource(reg, CALAPI_LIT("sleep"), CALAPI_METHODS_ALL);
            calapi_statement_v1 s = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT("nap"), CALAPI_LIT("SELECT pg_sleep($1::float8)") };
            if (reg->add_statement(reg, &s, &nap) != CALAPI_OK) return CALAPI_FAIL;
            calapi_route_v1 get = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("sleep"), CALAPI_LIT("/sleep/{seconds}"),
                                    sleep_for, 0, {0, 0}, {0, 0}, CALAPI_LIT("{}"), 0 };
            if (reg->add_route(reg, &get) != CALAPI_OK) return CALAPI_FAIL;
            calapi_route_v1 post = get;
            post.method = CALAPI_POST;
            return reg->add_route(reg, &post);
        }
        """

    private var folder: URL!
    private var server: CalapiServer!
    private var db: PGConnection!
    private var key = ""

    override func setUpWithError() throws {
        folder = try CPluginBuilder.pluginFolder()
        try CPluginBuilder.build("Sleeper", StatementLimitTests.sleeper, in: folder)
    }

    override func tearDown() {
        server?.stop()
        db?.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func start(_ database: String) throws {
        server = try CalapiServer(databaseURL: try TestDatabase.create(),
                                  config: "database:\n\(database)  pool_size: 1\nplugins:\n  load: [Users, Sleeper]\n"
                                      + "resources:\n  sleep: [GET, POST]\n  me: [GET]\n",
                                  environment: ["CALAPI_PLUGIN_DIR": folder.path])
        db = try server.database()
        let id = try XCTUnwrap(try db.query("INSERT INTO users (email, username) VALUES ('s@example.com', 's') RETURNING id", []).int64(0, 0))
        key = try APIKeyMinter.mint(userId: id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)
    }

    /// Backends of the test database running the plugin's sleep right now.
    private func sleepingBackends() throws -> Int {
        let rows = try db.query("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep($1::float8)'
            """, [])
        return Int(try XCTUnwrap(rows.int64(0, 0)))
    }

    /// Polls `condition` every 50 ms for up to `seconds`; whether it became true.
    private func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    func testStatementTimeoutAnswers503AndTheWorkerGoesOn() throws {
        try start("  statement_timeout: 0.5\n")
        // Without the timeout this sleep would outlast the client's 15-second read timeout.
        let slow = try server.request("GET", "/v1/sleep/60?apiKey=\(key)")
        XCTAssertEqual(slow.status, 503, slow.text)
        XCTAssertEqual(slow.text, #"{"message":"The request took too long and was stopped. Please try again shortly."}"#)
        XCTAssertEqual(slow.header("Retry-After"), "1")
        let write = try server.request("POST", "/v1/sleep/60?apiKey=\(key)")
        XCTAssertEqual(write.status, 503, "a write is stopped and rolled back the same way")
        let quick = try server.request("GET", "/v1/sleep/0?apiKey=\(key)")
        XCTAssertEqual(quick.status, 200, quick.text)
        XCTAssertEqual(quick.text, #"{"slept":true}"#)
        let log = try server.logText()
        XCTAssertTrue(log.contains("canceling statement due to statement timeout"), log)
    }

    func testDisconnectCancelsTheRunningStatement() throws {
        try start("  statement_timeout: 0\n")
        for method in ["GET", "POST"] {
            let client = try server.client()
            client.send(HTTPClient.format(method, "/v1/sleep/600?apiKey=\(key)"))
            XCTAssertTrue(try eventually(within: 10) { try sleepingBackends() == 1 }, "the sleep never started")
            client.close()
            XCTAssertTrue(try eventually(within: 10) { try sleepingBackends() == 0 }, "\(method): the sleep still runs after the client left")
            // One worker: it answers only if the cancelled request let it go.
            let after = try server.request("GET", "/v1/me?apiKey=\(key)")
            XCTAssertEqual(after.status, 200, after.text)
        }
        let log = try server.logText()
        XCTAssertTrue(log.contains("canceling statement due to user request"), log)
    }
}
