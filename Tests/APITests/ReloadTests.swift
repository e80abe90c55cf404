import Foundation
import XCTest
@testable import Host

/// SIGHUP re-reads config.yaml: new requests get the new resources and limits, open keep-alive
/// connections carry on, a config that does not load changes nothing.
final class ReloadTests: APITestCase {
    private static let both = """
        resources:
          users: [GET]
          me: [GET]
        """
    private static let usersOnly = """
        resources:
          users: [GET]
        """

    override var configYAML: String { ReloadTests.both }

    func testAResourceSwitchedOffAnswers404OnTheSameKeepAliveConnection() throws {
        let alice = try seedUser("alice")
        let connection = try server.client()
        XCTAssertEqual(try connection.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200)

        let outcome = try server.reload(with: ReloadTests.usersOnly)
        XCTAssertTrue(outcome.contains("reloaded "), outcome)

        let me = try connection.request("GET", "/v1/me?apiKey=\(alice.key)")
        XCTAssertEqual(me.status, 404, me.text)
        XCTAssertNil(me.header("Connection"), "the connection stays open")
        XCTAssertEqual(try connection.request("GET", "/v1/users/\(alice.id)?apiKey=\(alice.key)").status, 200)
        XCTAssertFalse(try XCTUnwrap(server.request("GET", "/docs").json["paths"] as? [String: Any]).keys.contains("/me"),
                       "/docs describes the routes served now")

        try server.reload(with: ReloadTests.both)
        XCTAssertEqual(try connection.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200, "switched on again")
    }

    func testAConfigThatDoesNotLoadIsRefusedAndTheRunningOneStays() throws {
        let alice = try seedUser("alice")
        let connection = try server.client()
        let broken = ReloadTests.usersOnly + "\nlimits:\n  max_body_bytes: lots\n"
        let outcome = try server.reload(with: broken)
        XCTAssertTrue(outcome.contains("reload refused, the running config stays in force: \(server.configPath):4: limits.max_body_bytes: "),
                      outcome)
        XCTAssertEqual(try connection.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200, "me is still served")

        // A config that parses but asks for what no plugin serves is refused the same way.
        let unserved = try server.reload(with: ReloadTests.both + "\n  bananas: [GET]\n")
        XCTAssertTrue(unserved.contains("\(server.configPath):4: resources.bananas: no loaded plugin serves this resource"), unserved)
        XCTAssertEqual(try connection.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200)
        XCTAssertTrue(server.isRunning)
    }

    func testRequestLimitsApplyToTheNextRequestOfAnOpenConnection() throws {
        let alice = try seedUser("alice")
        let connection = try server.client()
        XCTAssertEqual(try connection.request("GET", "/v1/me?apiKey=\(alice.key)&a=1&b=2").status, 200)
        try server.reload(with: ReloadTests.both + "\nlimits:\n  max_query_params: 2\n  max_header_bytes: 1024\n")

        let tooMany = try connection.request("GET", "/v1/me?apiKey=\(alice.key)&a=1&b=2")
        XCTAssertEqual(tooMany.status, 400)
        XCTAssertEqual(tooMany.json["message"] as? String, "Too many query parameters (the limit is 2)")
        let bigHead = try connection.request("GET", "/v1/me?apiKey=\(alice.key)", headers: ["X-Padding": String(repeating: "p", count: 1100)])
        XCTAssertEqual(bigHead.status, 431)
    }

    func testSettingsThatNeedARestartAreNamedAndKept() throws {
        let alice = try seedUser("alice")
        let outcome = try server.reload(with: ReloadTests.both + """

            database:
              pool_size: 7
            limits:
              io_threads: 2
              max_page_size: 5
            """)
        XCTAssertTrue(outcome.contains("reload: database.pool_size (4 → 7) takes effect only after a restart; the running value stays"), outcome)
        XCTAssertTrue(outcome.contains("reload: limits.io_threads (1 → 2) takes effect only after a restart"), outcome)
        XCTAssertTrue(outcome.contains("reload: limits.max_page_size (10000 → 5) takes effect only after a restart"), outcome)
        XCTAssertTrue(outcome.contains("reloaded "), outcome)
        // Plugins read their limits once: the old page size still holds.
        XCTAssertEqual(try call("GET", "/v1/users?take=6", as: alice).status, 200)
    }
}
