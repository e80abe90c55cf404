import Foundation
import XCTest
@testable import Host

/// Base class: each test gets a fresh migrated database and a calapi server on it, plus helpers
/// to seed users with API keys and to read rows back.
class APITestCase: XCTestCase {
    var server: CalapiServer!
    var db: PGConnection!
    /// The test's own database (`TestDatabase.create()`), dropped when the test ends.
    private var databaseURL: String?

    /// The YAML the test's server starts with; override for config tests.
    var configYAML: String { "" }

    override func setUpWithError() throws {
        let url = try TestDatabase.create()
        databaseURL = url
        server = try CalapiServer(databaseURL: url, config: configYAML)
        db = try server.database()
    }

    override func tearDown() {
        server?.stop()
        db?.close()
        server = nil
        db = nil
        if let databaseURL { TestDatabase.drop(databaseURL) }
        databaseURL = nil
    }

    /// A user with one API key (`cal_…`).
    struct Account {
        let id: Int64
        let key: String
    }

    @discardableResult
    func seedUser(_ username: String, role: String = "USER", locked: Bool = false, expiresAt: String? = nil) throws -> Account {
        let rows = try db.query("""
            INSERT INTO users (username, name, email, role, locked) VALUES ($1, $2, $3, $4::"UserPermissionRole", $5::boolean)
            RETURNING id
            """, [.text(username), .text(username.capitalized), .text("\(username)@example.com"), .text(role), .text(locked ? "true" : "false")])
        let id = try XCTUnwrap(rows.int64(0, 0))
        let key = try APIKeyMinter.mint(userId: id, expiresAt: expiresAt, note: "test", prefix: "cal_", connection: db)
        return Account(id: id, key: key)
    }

    /// GET/POST/… with the account's key in the query string. The answer is checked against the
    /// schema the server's own document gives for its route and status (`DocumentedResponses`).
    func call(_ method: String, _ path: String, as account: Account?, body: Any? = nil,
              file: StaticString = #filePath, line: UInt = #line) throws -> HTTPClient.Response {
        var target = path
        if let account { target += (path.contains("?") ? "&" : "?") + "apiKey=\(account.key)" }
        let response = try server.request(method, target, body: body)
        DocumentedResponses.check(method, path, response, document: server.document, test: name, file: file, line: line)
        return response
    }

    /// One value of a row, as text (nil for NULL or no row).
    func value(_ sql: String, _ params: [PGParam] = []) throws -> String? {
        let rows = try db.query(sql, params)
        return rows.count > 0 ? rows.string(0, 0) : nil
    }
}
