import XCTest
@testable import Host

/// The key cache's rules: entries of an older generation are never used, an answer looked up before
/// an invalidation is not kept, and which statements count as changing users.
final class AuthCacheTests: XCTestCase {
    private let alice = Principal(userId: 7, isAdmin: false)
    private let hash = String(repeating: "ab", count: 32)

    func testInvalidationForgetsEveryEntry() {
        let cache = AuthCache(seconds: 60)
        cache.remember(alice, for: hash, generation: cache.currentGeneration)
        XCTAssertEqual(cache.principal(for: hash), alice)
        cache.invalidateAll()
        XCTAssertNil(cache.principal(for: hash))
    }

    func testLookupThatBeganBeforeAnInvalidationIsNotKept() {
        let cache = AuthCache(seconds: 60)
        let before = cache.currentGeneration
        cache.invalidateAll() // a user changed while the lookup ran
        cache.remember(alice, for: hash, generation: before)
        XCTAssertNil(cache.principal(for: hash))
    }

    func testOffAndExpiredKeysAreNeverKept() {
        let off = AuthCache(seconds: 0)
        off.remember(alice, for: hash, generation: off.currentGeneration)
        XCTAssertNil(off.principal(for: hash))
        let cache = AuthCache(seconds: 60)
        cache.remember(alice, for: hash, expiringIn: 0, generation: cache.currentGeneration)
        XCTAssertNil(cache.principal(for: hash), "a key at its expiry is not cached")
    }

    func testStatementsThatWriteUsers() {
        for sql in ["UPDATE users AS u SET role = 'ADMIN'", #"update "users" set locked = true"#, "DELETE FROM users WHERE id = 1",
                    "WITH x AS (SELECT 1) INSERT INTO users (email) VALUES ('a')", "UPDATE ONLY public.users SET name = 'x'",
                    #"WITH c AS (UPDATE "public"."users" u SET "defaultScheduleId" = NULL) SELECT 1"#, "MERGE INTO users u USING x ON true"] {
            XCTAssertTrue(StatementCatalog.writesUsers(sql), sql)
        }
        for sql in [#"UPDATE "Schedule" SET name = 'x' FROM users u"#, #"INSERT INTO "Booking" (uid) SELECT username FROM users"#,
                    "SELECT id FROM users FOR UPDATE", "DELETE FROM users_archive", #"UPDATE "usersX" SET a = 1"#] {
            XCTAssertFalse(StatementCatalog.writesUsers(sql), sql)
        }
        let catalog = StatementCatalog()
        let read = catalog.add(owner: "p", name: "r", sql: "SELECT 1 FROM users", writes: false)
        let write = catalog.add(owner: "p", name: "w", sql: "UPDATE users SET locked = true", writes: true)
        XCTAssertFalse(catalog[read]!.changesPrincipals)
        XCTAssertTrue(catalog[write]!.changesPrincipals)
    }
}
