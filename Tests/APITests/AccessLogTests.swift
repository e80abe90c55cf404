import Foundation
import XCTest
@testable import Host

/// The access log: one JSON object a line per request, never a key, and `X-Request-Id` on every answer.
final class AccessLogTests: APITestCase {
    /// The secret part of a key: what must never be in the log.
    private func secret(_ account: Account) -> String { String(account.key.dropFirst(4)) }

    func testEachRequestIsOneJSONLineAndNoLineHoldsAKey() throws {
        let alice = try seedUser("alice")
        let me = try call("GET", "/v1/me", as: alice)
        XCTAssertEqual(me.status, 200)
        XCTAssertEqual(try server.request("GET", "/v1/me?%61piKey=\(alice.key)&take=1").status, 200, "a percent-encoded name is the same parameter")
        XCTAssertEqual(try server.request("GET", "/v1/me", headers: ["Authorization": "Bearer \(alice.key)",
                                                                   "X-Forwarded-For": "203.0.113.7, \(alice.key)"]).status, 200)
        _ = try server.request("GET", "/v1/users?api_key=\(alice.key)")
        _ = try server.request("GET", "/v1/users/\(alice.key)?apiKey=\(alice.key)")
        _ = try server.request("GET", "/healthz")

        let text = try String(contentsOfFile: server.logPath, encoding: .utf8)
        XCTAssertFalse(text.contains(secret(alice)), text)
        let lines = text.split(separator: "\n")
        for line in lines {
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
        // The harness reads /docs once to check answers against it (`CalapiServer.document`).
        let access = try server.logObjects().filter { $0["type"] as? String == "access" && $0["path"] as? String != "/docs" }
        XCTAssertEqual(access.count, 5, "one line per request, none for the health check")

        let first = try XCTUnwrap(access.first)
        XCTAssertEqual(first["request_id"] as? String, me.header("X-Request-Id"))
        XCTAssertEqual(first["method"] as? String, "GET")
        XCTAssertEqual(first["path"] as? String, "/v1/me?apiKey=[redacted]")
        XCTAssertEqual(first["route"] as? String, "/me")
        XCTAssertEqual(first["resource"] as? String, "me")
        XCTAssertEqual(first["status"] as? Int, 200)
        XCTAssertEqual(first["bytes"] as? Int, me.body.count)
        XCTAssertEqual((first["user_id"] as? NSNumber)?.int64Value, alice.id)
        XCTAssertEqual(first["remote"] as? String, "127.0.0.1")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(first["duration"] as? Double), 0)
        XCTAssertNotNil(first["time"] as? String)
        XCTAssertEqual(access[1]["path"] as? String, "/v1/me?%61piKey=[redacted]&take=1")
        XCTAssertEqual(access[2]["path"] as? String, "/v1/me")
        XCTAssertEqual(access[2]["forwarded_for"] as? String, "203.0.113.7, cal_[redacted]")
        XCTAssertEqual(access[3]["path"] as? String, "/v1/users?api_key=[redacted]")
        XCTAssertTrue(access[3]["user_id"] is NSNull, "a request without a key has no user")
        XCTAssertEqual(access[4]["route"] as? String, "/users/{userId}")
    }

    func testRequestIdsAreKeptWhenSaneAndGeneratedOtherwise() throws {
        for path in ["/v1/me", "/healthz", "/v1/nowhere", "/"] {
            XCTAssertEqual(try server.request("GET", path, headers: ["X-Request-Id": "trace-42.a"]).header("X-Request-Id"), "trace-42.a", path)
        }
        let generated = try XCTUnwrap(try server.request("GET", "/v1/me").header("X-Request-Id"))
        XCTAssertNotNil(generated.range(of: "^[0-9a-f]{32}$", options: .regularExpression), generated)
        XCTAssertNotEqual(try server.request("GET", "/v1/me").header("X-Request-Id"), generated)
        let replaced = try XCTUnwrap(try server.request("GET", "/v1/me", headers: ["X-Request-Id": "two words"]).header("X-Request-Id"))
        XCTAssertNotNil(replaced.range(of: "^[0-9a-f]{32}$", options: .regularExpression), replaced)
        let long = String(repeating: "x", count: 129)
        XCTAssertNotEqual(try server.request("GET", "/v1/me", headers: ["X-Request-Id": long]).header("X-Request-Id"), long)

        // A request the HTTP server refuses by itself still gets an id and a line.
        let client = try server.client()
        client.send("NOT HTTP\r\n\r\n")
        let refused = try client.readResponse()
        XCTAssertEqual(refused.status, 400)
        let id = try XCTUnwrap(refused.header("X-Request-Id"))
        XCTAssertTrue(try server.logObjects().contains { $0["request_id"] as? String == id && $0["status"] as? Int == 400 })
    }
}

/// `log.format: text` and `log.access: false`.
final class AccessLogSettingsTests: XCTestCase {
    func testTextFormat() throws {
        let server = try CalapiServer(databaseURL: try TestDatabase.create(), config: "log:\n  format: text\n")
        defer { server.stop() }
        let response = try server.request("GET", "/v1/me?apiKey=cal_0123456789abcdef0123456789abcdef")
        XCTAssertEqual(response.status, 401)
        let text = try String(contentsOfFile: server.logPath, encoding: .utf8)
        XCTAssertFalse(text.contains("0123456789abcdef0123456789abcdef"), text)
        XCTAssertTrue(text.contains("calapi info: serving on"), text)
        let id = try XCTUnwrap(response.header("X-Request-Id"))
        XCTAssertTrue(text.contains(#"calapi access: 127.0.0.1 "GET /v1/me?apiKey=[redacted]" 401 "# + "\(response.body.count) "), text)
        XCTAssertTrue(text.contains("s id=\(id) route=/me resource=me user=-\n"), text)
    }

    func testAccessLogCanBeSwitchedOff() throws {
        let server = try CalapiServer(databaseURL: try TestDatabase.create(), config: "log:\n  access: false\n")
        defer { server.stop() }
        XCTAssertEqual(try server.request("GET", "/v1/me").status, 401)
        XCTAssertFalse(try server.logObjects().contains { $0["type"] as? String == "access" })
        XCTAssertFalse(try server.logObjects().isEmpty, "operational messages are still written")
    }
}
