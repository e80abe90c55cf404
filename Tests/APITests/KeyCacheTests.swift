import XCTest
@testable import Host

/// The key cache is on by default (`auth.cache_seconds: 30`), and what calapi itself changes about a
/// user takes effect at once, on every worker: a role given or taken, a user deleted with its keys.
final class KeyCacheInvalidationTests: APITestCase {
    /// Each worker serves some of these, and the cache is shared: the key is cached whichever serves it.
    private func warm(_ account: Account, _ path: String, expect status: Int) throws {
        for _ in 0..<8 { XCTAssertEqual(try call("GET", path, as: account).status, status) }
    }

    func testRoleGivenThroughTheAPIAppliesAtOnce() throws {
        let admin = try seedUser("admin", role: "ADMIN")
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        try warm(alice, "/v1/users/\(bob.id)", expect: 403)
        XCTAssertEqual(try call("PATCH", "/v1/users/\(alice.id)", as: admin, body: ["role": "ADMIN"]).status, 200)
        for _ in 0..<8 { XCTAssertEqual(try call("GET", "/v1/users/\(bob.id)", as: alice).status, 200, "alice is an admin now") }
    }

    func testRoleTakenThroughTheAPIAppliesAtOnce() throws {
        let admin = try seedUser("admin", role: "ADMIN")
        let carol = try seedUser("carol", role: "ADMIN")
        let bob = try seedUser("bob")
        try warm(carol, "/v1/users/\(bob.id)", expect: 200)
        XCTAssertEqual(try call("PATCH", "/v1/users/\(carol.id)", as: admin, body: ["role": "USER"]).status, 200)
        for _ in 0..<8 { XCTAssertEqual(try call("GET", "/v1/users/\(bob.id)", as: carol).status, 403, "carol is no admin any more") }
    }

    func testDeletedUserKeyIsRefusedAtOnce() throws {
        let admin = try seedUser("admin", role: "ADMIN")
        let bob = try seedUser("bob")
        try warm(bob, "/v1/me", expect: 200)
        XCTAssertEqual(try call("DELETE", "/v1/users/\(bob.id)", as: admin).status, 200)
        for _ in 0..<8 { XCTAssertEqual(try call("GET", "/v1/me", as: bob).status, 401, "its key went with the user") }
    }

    /// A change made outside calapi is seen once the entry ages out (documented staleness); the
    /// default keeps it, and a write that does not touch users leaves the cache alone.
    func testChangesOutsideCalapiAreSeenAfterTheCacheTime() throws {
        let alice = try seedUser("alice")
        try warm(alice, "/v1/me", expect: 200)
        _ = try db.query("UPDATE users SET locked = true WHERE id = $1::int", [.text(String(alice.id))])
        XCTAssertEqual(try call("POST", "/v1/schedules", as: alice, body: ["name": "Other", "timeZone": "Europe/Paris"]).status, 200,
                       "a write to another table keeps the cached key")
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200, "served from the cache within auth.cache_seconds")
    }
}
