import XCTest
@testable import Host

/// API-key authentication exactly as Cal.com v1 answers it.
final class AuthTests: APITestCase {
    func testMissingKeyIs401WithMessageKey() throws {
        try seedUser("alice")
        let response = try call("GET", "/v1/me", as: nil)
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.text, #"{"message":"No apiKey provided"}"#)
    }

    func testUnknownKeyIs401WithErrorKey() throws {
        let response = try server.request("GET", "/v1/me?apiKey=cal_00000000000000000000000000000000")
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.text, #"{"error":"Your apiKey is not valid"}"#)
    }

    func testExpiredKeyIs401ButKeyExpiringTodayStillWorks() throws {
        let expired = try seedUser("old", expiresAt: "2020-01-01T00:00:00Z")
        let response = try call("GET", "/v1/me", as: expired)
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.text, #"{"error":"This apiKey is expired"}"#)

        let today = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        let lastDay = try seedUser("lastday", expiresAt: today)
        XCTAssertEqual(try call("GET", "/v1/me", as: lastDay).status, 200, "a key is valid through its expiry day")
    }

    func testLockedUserIs403() throws {
        let locked = try seedUser("locked", locked: true)
        let response = try call("GET", "/v1/me", as: locked)
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(response.text, #"{"error":"You are not authorized to perform this request."}"#)
    }

    func testKeyWithoutPrefixAndBearerHeaderWork() throws {
        let alice = try seedUser("alice")
        let bare = String(alice.key.dropFirst(4))
        XCTAssertEqual(try server.request("GET", "/v1/me?apiKey=\(bare)").status, 200)
        let bearer = try server.request("GET", "/v1/me", headers: ["Authorization": "Bearer \(alice.key)"])
        XCTAssertEqual(bearer.status, 200)
        XCTAssertEqual((bearer.json["user"] as? [String: Any])?["id"] as? Int, Int(alice.id))
    }

    func testStoredHashIsSHA256OfKeyWithoutPrefix() throws {
        let alice = try seedUser("alice")
        let stored = try value(#"SELECT "hashedKey" FROM "ApiKey" WHERE "userId" = $1::int"#, [.text(String(alice.id))])
        XCTAssertEqual(stored, SHA256.hex(String(alice.key.dropFirst(4))))
        XCTAssertEqual(stored?.count, 64)
    }

    func testKeysCreateCommandMintsAWorkingKey() throws {
        let bob = try seedUser("bob")
        let result = try runCalapi(["keys", "create", "--user-id", String(bob.id), "--note", "cli"],
                                   environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertEqual(result.status, 0, result.stderr)
        let key = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(key.hasPrefix("cal_") && key.count == 36, key)
        let response = try server.request("GET", "/v1/me?apiKey=\(key)")
        XCTAssertEqual((response.json["user"] as? [String: Any])?["username"] as? String, "bob")
        XCTAssertEqual(try value(#"SELECT note FROM "ApiKey" WHERE "userId" = $1::int AND note = 'cli'"#, [.text(String(bob.id))]), "cli")

        let missing = try runCalapi(["keys", "create", "--user-id", "999999"], environment: ["DATABASE_URL": server.databaseURL])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no user with id 999999"), missing.stderr)
    }
}
