import XCTest
@testable import Host

/// Operators choose resources and methods in config.yaml; the plugin's ceiling is the limit.
final class ConfigNarrowingTests: APITestCase {
    override var configYAML: String { "resources:\n  users: [GET]\n" }

    func testDisabledMethodsAnswer405AndUnlistedResources404() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let post = try call("POST", "/v1/users", as: admin, body: ["email": "x@example.com", "username": "x"])
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.header("Allow"), "GET")
        XCTAssertEqual(try call("GET", "/v1/users", as: admin).status, 200)
        XCTAssertEqual(try call("GET", "/v1/me", as: admin).status, 404, "me is not listed, so not served")
        let docs = try server.request("GET", "/docs")
        let paths = docs.json["paths"] as? [String: Any] ?? [:]
        XCTAssertNil(paths["/me"])
        XCTAssertNil((paths["/users"] as? [String: Any])?["post"], "disabled methods are not documented")
    }
}

/// Start-up refusals: exit code 2 and a message naming file, line and key.
final class ConfigErrorTests: XCTestCase {
    private func serve(config: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.yaml").path
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return try runCalapi(["serve", "--config", path, "--check-config"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
    }

    func testMethodAboveTheCeilingIsRefused() throws {
        let result = try serve(config: "resources:\n  users: [GET]\n  me: [GET, POST]\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("config.yaml:3: resources.me: enables POST on \"me\", but plugin \"users\" declares it read-only"), result.stderr)
    }

    func testUnknownKeysAndResourcesAreRefused() throws {
        let unknown = try serve(config: "listen:\n  port: 3002\n  colour: blue\n")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("config.yaml:3"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("listen.colour"), unknown.stderr)

        let noPlugin = try serve(config: "resources:\n  webhooks: [GET]\n")
        XCTAssertEqual(noPlugin.status, 2)
        XCTAssertTrue(noPlugin.stderr.contains("config.yaml:2: resources.webhooks: no loaded plugin serves this resource"), noPlugin.stderr)
    }

    func testValidConfigPassesTheCheck() throws {
        let result = try serve(config: "resources:\n  users: [GET, PATCH]\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("config OK"))
    }
}

/// `auth.cache_seconds`: a key found once is trusted for that long by the process.
final class KeyCacheTests: APITestCase {
    override var configYAML: String { "database:\n  pool_size: 1\nauth:\n  cache_seconds: 60\n" }

    func testCachedKeySkipsTheLookupUntilItAgesOut() throws {
        let alice = try seedUser("alice")
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200)
        _ = try db.query("UPDATE users SET locked = true WHERE id = $1::int", [.text(String(alice.id))])
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200, "served from the cache (documented staleness)")
        let bob = try seedUser("bob", locked: true)
        XCTAssertEqual(try call("GET", "/v1/me", as: bob).status, 403, "an uncached key is still checked")
    }
}
