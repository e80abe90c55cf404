import Foundation
import XCTest
@testable import Host

/// `GET /docs/ui` in a real browser (headless Chromium): the page lists exactly the served
/// operations, searches them, and its "try it" form calls the API with a typed key.
final class DocsUITests: APITestCase {
    func testPageListsEveryOperationAndTryItCallsTheAPI() throws {
        let alice = try seedUser("alice")
        let browser = try Chromium(width: 1280, height: 900)
        try browser.navigate("http://127.0.0.1:\(server.port)/docs/ui")
        try browser.wait(for: "document.body.dataset.state === 'ready'", "the page to render the document")

        XCTAssertEqual(Set(try listedOperations(browser)), try DocsUITests.documentedOperations(server))
        XCTAssertEqual(try browser.evaluate("getComputedStyle(document.querySelector('header.top')).display") as? String, "flex",
                       "the inline stylesheet is allowed by its hash")

        try browser.evaluate("""
            (() => { const key = document.querySelector('#api-key'); key.value = '\(alice.key)'; key.dispatchEvent(new Event('input'));
                     document.querySelector('[data-op="GET /me"]').open = true; })()
            """)
        let me = try tryIt(browser, "GET /me")
        XCTAssertEqual(me.status, "200")
        XCTAssertEqual((me.body["user"] as? [String: Any])?["id"] as? Int, Int(alice.id), "\(me.body)")
        XCTAssertEqual((me.body["user"] as? [String: Any])?["email"] as? String, "alice@example.com")
        XCTAssertEqual(try browser.evaluate("location.href.includes('\(alice.key)') || sessionStorage.length > 0") as? Bool, false,
                       "the key stays out of the address bar and of storage unless asked")

        // The key in the query string instead, and a path parameter.
        try browser.evaluate("""
            (() => { document.querySelector('#auth-mode').value = 'query';
                     document.querySelector('[data-op="GET /users/{userId}"]').open = true; })()
            """)
        let userId = "document.querySelector('[data-op=\"GET /users/{userId}\"] [data-param=\"userId\"]')"
        try browser.wait(for: userId, "the form of GET /users/{userId}")
        try browser.evaluate("\(userId).value = '\(alice.id)'")
        let user = try tryIt(browser, "GET /users/{userId}")
        XCTAssertEqual(user.status, "200")
        XCTAssertEqual((user.body["user"] as? [String: Any])?["id"] as? Int, Int(alice.id), "\(user.body)")

        try browser.evaluate("document.querySelector('[data-op=\"GET /me\"] [data-result]').scrollIntoView({block: 'center'})")
        let shot = try Artefacts.write(try browser.screenshot(), to: "docs-ui.png")
        print("docs page screenshot: \(shot)")

        try browser.evaluate("(() => { const s = document.querySelector('#search'); s.value = 'slots'; s.dispatchEvent(new Event('input')); })()")
        XCTAssertEqual(try browser.evaluate("document.querySelector('[data-op=\"GET /slots\"]').hidden") as? Bool, false)
        XCTAssertEqual(try browser.evaluate("document.querySelector('[data-op=\"GET /me\"]').hidden") as? Bool, true)
        XCTAssertEqual(try browser.evaluate("document.querySelector('[data-group=\"me\"]').hidden") as? Bool, true)
    }

    func testPageFitsAPhoneInDarkMode() throws {
        let browser = try Chromium(width: 390, height: 844)
        try browser.colorScheme("dark")
        try browser.navigate("http://127.0.0.1:\(server.port)/v1/docs/ui")
        try browser.wait(for: "document.body.dataset.state === 'ready'", "the page to render the document")
        try browser.evaluate("document.querySelector('[data-op=\"POST /bookings\"]').open = true")
        try browser.wait(for: "document.querySelector('[data-op=\"POST /bookings\"] [data-send]')", "the operation to open")
        try browser.evaluate("document.querySelector('[data-op=\"POST /bookings\"]').scrollIntoView()")
        XCTAssertEqual(try browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth") as? Bool, true,
                       "nothing wider than the phone")
        XCTAssertEqual(try browser.evaluate("getComputedStyle(document.body).backgroundColor") as? String, "rgb(17, 20, 26)",
                       "the dark palette")
        let shot = try Artefacts.write(try browser.screenshot(), to: "docs-ui-phone-dark.png")
        print("docs page screenshot (phone, dark): \(shot)")
    }

    /// Clicks the operation's send button and waits for its answer.
    private func tryIt(_ browser: Chromium, _ operation: String) throws -> (status: String, body: [String: Any]) {
        let scope = "document.querySelector('[data-op=\"\(operation)\"]')"
        try browser.wait(for: "\(scope).querySelector('[data-send]')", "the form of \(operation)")
        try browser.evaluate("\(scope).querySelector('[data-send]').click()")
        try browser.wait(for: "\(scope).querySelector('[data-result-status]')", "the answer to \(operation)")
        let status = try browser.evaluate("\(scope).querySelector('[data-result-status]').textContent") as? String ?? ""
        let text = try browser.evaluate("(\(scope).querySelector('[data-result-body]') || {}).textContent || ''") as? String ?? ""
        let body = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return (status, body)
    }
}

/// The page follows the served config: resources and methods it leaves out are not on the page.
final class DocsUIConfigTests: APITestCase {
    override var configYAML: String { "resources:\n  users: [GET]\n  me: [GET]\n  event-types: [GET, POST]\n" }

    func testDisabledResourcesAndMethodsAreAbsent() throws {
        let browser = try Chromium()
        try browser.navigate("http://127.0.0.1:\(server.port)/api/v1/docs/ui")
        try browser.wait(for: "document.body.dataset.state === 'ready'", "the page to render the document")
        let listed = try listedOperations(browser)
        XCTAssertEqual(Set(listed), try DocsUITests.documentedOperations(server))
        XCTAssertTrue(listed.contains("POST /event-types"), "\(listed)")
        XCTAssertTrue(listed.contains("GET /users/{userId}"), "\(listed)")
        XCTAssertFalse(listed.contains("POST /users"), "a disabled method")
        XCTAssertFalse(listed.contains { $0.contains("/bookings") }, "a disabled resource")
        XCTAssertEqual(try browser.evaluate("document.querySelectorAll('[data-group=\"bookings\"], a[href=\"#group-bookings\"]').length") as? Int, 0)
    }
}

extension APITestCase {
    /// "METHOD /path" of every operation on the page.
    func listedOperations(_ browser: Chromium) throws -> [String] {
        try browser.evaluate("[...document.querySelectorAll('[data-op]')].map(e => e.dataset.op)") as? [String] ?? []
    }
}

extension DocsUITests {
    /// "METHOD /path" of every operation the server's `/docs` holds.
    static func documentedOperations(_ server: CalapiServer) throws -> Set<String> {
        let paths = try server.request("GET", "/docs").json["paths"] as? [String: [String: Any]] ?? [:]
        var operations = Set<String>()
        for (path, item) in paths {
            for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        XCTAssertFalse(operations.isEmpty)
        return operations
    }
}
