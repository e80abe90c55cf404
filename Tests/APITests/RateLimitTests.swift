import Foundation
import XCTest
@testable import Host

/// `rate_limit:`: Cal.com v1's headers on every authenticated answer, 429 with `Retry-After` past the
/// limit, one count per user, off by default, and a count shared through PostgreSQL on request.
final class RateLimitTests: APITestCase {
    override var configYAML: String { "rate_limit:\n  enabled: true\n  limit: 3\n  window_seconds: 60\n" }

    func testHeadersOnEveryAuthenticatedAnswerAnd429PastTheLimit() throws {
        let alice = try seedUser("alice")
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        for remaining in ["2", "1", "0"] {
            let response = try call("GET", "/v1/me", as: alice)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("X-RateLimit-Limit"), "3")
            XCTAssertEqual(response.header("X-RateLimit-Remaining"), remaining)
            XCTAssertNil(response.header("Retry-After"))
            let reset = try XCTUnwrap(Int64(response.header("X-RateLimit-Reset") ?? ""))
            XCTAssertTrue((start + 59_000...start + 61_000 + 5_000).contains(reset), "reset \(reset) is the window's end in epoch ms")
        }
        let refused = try call("GET", "/v1/me", as: alice)
        XCTAssertEqual(refused.status, 429)
        XCTAssertEqual(refused.text, #"{"message":"Rate limit exceeded"}"#)
        XCTAssertEqual(refused.header("X-RateLimit-Remaining"), "0")
        XCTAssertTrue((1...60).contains(Int(refused.header("Retry-After") ?? "") ?? 0), refused.header("Retry-After") ?? "none")
        XCTAssertEqual(try call("DELETE", "/v1/me", as: alice).status, 429, "the limit comes before the method check, as in Cal.com")

        let secondKey = try APIKeyMinter.mint(userId: alice.id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)
        XCTAssertEqual(try server.request("GET", "/v1/me?apiKey=\(secondKey)").status, 429, "all keys of a user share one count")
        let bob = try seedUser("bob")
        XCTAssertEqual(try call("GET", "/v1/me", as: bob).status, 200, "another user counts apart")

        let anonymous = try call("GET", "/v1/me", as: nil)
        XCTAssertEqual(anonymous.status, 401)
        XCTAssertNil(anonymous.header("X-RateLimit-Limit"), "only authenticated answers carry the headers")
    }
}

final class RateLimitDefaultTests: APITestCase {
    func testOffByDefault() throws {
        let alice = try seedUser("alice")
        for _ in 0..<35 {
            let response = try call("GET", "/v1/me", as: alice)
            XCTAssertEqual(response.status, 200)
            XCTAssertNil(response.header("X-RateLimit-Limit"))
        }
    }
}

/// `rate_limit.shared`: the count lives in PostgreSQL, so two calapi processes share it.
final class SharedRateLimitTests: APITestCase {
    private static let shared = "rate_limit:\n  enabled: true\n  limit: 3\n  window_seconds: 60\n  shared: true\n"
    override var configYAML: String { SharedRateLimitTests.shared }

    func testTwoInstancesShareOneCount() throws {
        let second = try CalapiServer(databaseURL: server.databaseURL, config: SharedRateLimitTests.shared)
        defer { second.stop() }
        let alice = try seedUser("alice")
        let target = "/v1/me?apiKey=\(alice.key)"
        XCTAssertEqual(try server.request("GET", target).header("X-RateLimit-Remaining"), "2")
        XCTAssertEqual(try second.request("GET", target).header("X-RateLimit-Remaining"), "1")
        XCTAssertEqual(try server.request("GET", target).header("X-RateLimit-Remaining"), "0")
        let refused = try second.request("GET", target)
        XCTAssertEqual(refused.status, 429)
        XCTAssertNotNil(refused.header("Retry-After"))
        XCTAssertEqual(try value(#"SELECT hits FROM calapi_rate_limit WHERE subject = $1"#, [.text(String(alice.id))]), "4")
        XCTAssertEqual(try value("SELECT relpersistence::text FROM pg_class WHERE relname = 'calapi_rate_limit'"), "u", "UNLOGGED")
    }

    func testServeRefusesToStartWithoutTheTable() throws {
        _ = try db.simpleQuery("DROP TABLE calapi_rate_limit")
        XCTAssertThrowsError(try CalapiServer(databaseURL: server.databaseURL, config: SharedRateLimitTests.shared)) { error in
            XCTAssertTrue("\(error)".contains("rate_limit.shared needs the table calapi_rate_limit: run `calapi migrate`"), "\(error)")
        }
    }
}
