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

    func testExpiryComparesExactInstants() throws {
        let expired = try seedUser("old", expiresAt: "2020-01-01T00:00:00Z")
        let response = try call("GET", "/v1/me", as: expired)
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.text, #"{"error":"This apiKey is expired"}"#)

        let aMinuteAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        let justExpired = try seedUser("justexpired", expiresAt: aMinuteAgo)
        let refused = try call("GET", "/v1/me", as: justExpired)
        XCTAssertEqual(refused.status, 401, "a key that expired a minute ago is expired, whatever the day")
        XCTAssertEqual(refused.text, #"{"error":"This apiKey is expired"}"#)

        let inAMinute = ISO8601DateFormatter().string(from: Date().addingTimeInterval(60))
        let stillValid = try seedUser("stillvalid", expiresAt: inAMinute)
        XCTAssertEqual(try call("GET", "/v1/me", as: stillValid).status, 200)
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

/// The key cache (`auth.cache_seconds`) never keeps a key alive past its `expiresAt`.
final class AuthCacheExpiryTests: APITestCase {
    override var configYAML: String { "auth:\n  cache_seconds: 300\n" }

    func testCachedKeyStopsWorkingAtItsExpiry() throws {
        let expiry = Date().addingTimeInterval(3)
        let soon = try seedUser("soon", expiresAt: ISO8601DateFormatter().string(from: expiry))
        // A few calls: whichever worker serves them, the key is in the (shared) cache.
        for _ in 0..<8 { XCTAssertEqual(try call("GET", "/v1/me", as: soon).status, 200) }
        Thread.sleep(until: expiry.addingTimeInterval(0.5))
        for _ in 0..<8 {
            let response = try call("GET", "/v1/me", as: soon)
            XCTAssertEqual(response.status, 401, "a cached key must not outlive its expiresAt")
            XCTAssertEqual(response.text, #"{"error":"This apiKey is expired"}"#)
        }
    }
}
