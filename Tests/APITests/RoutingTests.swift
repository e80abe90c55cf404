import Foundation
import XCTest
@testable import Host

/// `/`, `/docs`, unknown paths, 405s and the HTTP behaviour of the whole server.
final class RoutingTests: APITestCase {
    func testRootAndDocsNeedNoKey() throws {
        let root = try server.request("GET", "/")
        XCTAssertEqual(root.status, 200)
        XCTAssertEqual(root.json["message"] as? String, "Welcome to Cal.com API - docs are at https://developer.cal.com/api")
        XCTAssertEqual(root.json["ui"] as? String, "/docs/ui")
        for path in ["/docs", "/v1/docs", "/api/v1/docs"] {
            let docs = try server.request("GET", path)
            XCTAssertEqual(docs.status, 200, path)
            XCTAssertEqual(docs.json["openapi"] as? String, "3.0.3")
            let paths = docs.json["paths"] as? [String: Any] ?? [:]
            XCTAssertNotNil((paths["/users/{userId}"] as? [String: Any])?["patch"])
            XCTAssertNotNil((paths["/me"] as? [String: Any])?["get"])
        }
    }

    /// The docs page: no key, HTML, a policy that loads nothing from elsewhere, revalidated caching.
    func testDocsPageIsSelfContainedAndCached() throws {
        for path in ["/docs/ui", "/v1/docs/ui", "/api/v1/docs/ui/"] {
            let page = try server.request("GET", path)
            XCTAssertEqual(page.status, 200, path)
            XCTAssertEqual(page.header("Content-Type"), "text/html; charset=utf-8")
            XCTAssertTrue(page.text.hasPrefix("<!doctype html>"))
        }
        let page = try server.request("GET", "/docs/ui")
        let policy = try XCTUnwrap(page.header("Content-Security-Policy"))
        XCTAssertTrue(policy.contains("default-src 'none'") && policy.contains("connect-src 'self'"), policy)
        XCTAssertTrue(policy.contains("script-src 'sha256-") && policy.contains("style-src 'sha256-"), policy)
        XCTAssertFalse(policy.contains("unsafe") || policy.contains("http"), policy)
        XCTAssertFalse(page.text.contains("http://") || page.text.contains("https://") || page.text.contains("src="),
                       "no external script, style, image or font")
        XCTAssertEqual(page.header("Cache-Control"), "no-cache")
        let etag = try XCTUnwrap(page.header("ETag"))
        let again = try server.request("GET", "/docs/ui", headers: ["If-None-Match": etag])
        XCTAssertEqual(again.status, 304)
        XCTAssertTrue(again.body.isEmpty)
        XCTAssertEqual(try server.request("GET", "/docs/ui", headers: ["If-None-Match": "\"other\""]).status, 200)
        XCTAssertEqual(try server.request("POST", "/docs/ui", body: [:] as [String: Any]).status, 405)
    }

    func testUnknownAndSensitivePathsAre404JSON() throws {
        let alice = try seedUser("alice")
        for path in ["/v1/nothing-here", "/v1/api-keys", "/v1/credentials", "/v1/webhooks", "/v1/event-references",
                     "/v1/reset-password-requests", "/v1/verification-tokens", "/v1/reminder-mails", "/v1/users/1/extra"] {
            let response = try call("GET", path, as: alice)
            XCTAssertEqual(response.status, 404, path)
            XCTAssertEqual(response.json["message"] as? String, "Not found", path)
        }
    }

    func testUnservedMethodIs405WithAllow() throws {
        let alice = try seedUser("alice")
        let response = try call("PUT", "/v1/users", as: alice, body: [:] as [String: Any])
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "GET, POST")
        XCTAssertEqual(response.json["message"] as? String, "Method Not Allowed (Allow: GET,POST)")
        XCTAssertEqual(try call("DELETE", "/v1/me", as: alice).status, 405)
        XCTAssertEqual(try call("PUT", "/v1/users", as: nil).status, 401, "the key is checked first, as Cal.com does")
    }

    func testKeepAliveAndPipelinedRequestsAnswerInOrder() throws {
        let alice = try seedUser("alice")
        let client = try server.client()
        for _ in 0..<3 { XCTAssertEqual(try client.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200) }
        client.send(HTTPClient.format("GET", "/v1/users/\(alice.id)?apiKey=\(alice.key)")
                    + HTTPClient.format("GET", "/v1/nope")
                    + HTTPClient.format("GET", "/v1/me?apiKey=\(alice.key)"))
        XCTAssertEqual(try client.readResponse().status, 200)
        XCTAssertEqual(try client.readResponse().status, 404)
        XCTAssertEqual(try client.readResponse().status, 200)
    }

    func testHeadAnswersHeadersOnly() throws {
        let alice = try seedUser("alice")
        let client = try server.client()
        client.send(HTTPClient.format("HEAD", "/v1/me?apiKey=\(alice.key)"))
        let head = try client.readResponse(method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertGreaterThan(Int(head.header("Content-Length") ?? "0") ?? 0, 0)
        XCTAssertEqual(try client.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200, "no stray body bytes")
    }

    func testLimitsAndMalformedRequests() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let big = String(repeating: "a", count: 1_100_000)
        let tooLarge = try call("POST", "/v1/users", as: admin, body: ["email": "a@example.com", "username": big])
        XCTAssertEqual(tooLarge.status, 413)

        let client = try server.client()
        client.send("GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 17_000))\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 431)

        let garbage = try server.client()
        garbage.send("THIS IS NOT HTTP\r\n\r\n")
        let bad = try garbage.readResponse()
        XCTAssertEqual(bad.status, 400)
        XCTAssertNotNil(bad.json["message"])
    }

    func testChunkedBodyIsAccepted() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let body = #"{"email":"chunk@example.com","username":"chunky"}"#
        let half = body.utf8.count / 2
        let first = String(body.prefix(half)), second = String(body.dropFirst(half))
        let client = try server.client()
        client.send("POST /v1/users?apiKey=\(admin.key) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + String(first.utf8.count, radix: 16) + "\r\n" + first + "\r\n"
                    + String(second.utf8.count, radix: 16) + "\r\n" + second + "\r\n0\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(try value("SELECT username FROM users WHERE email = 'chunk@example.com'"), "chunky")
    }

    func testGracefulStopExitsCleanly() throws {
        XCTAssertEqual(server.stop(), 0)
    }
}

/// The assembled document passes the reference OpenAPI validator (installed by scripts/install-deps).
final class OpenAPIDocumentTests: XCTestCase {
    func testDocumentIsValidOpenAPI3() throws {
        let document = try runCalapi(["openapi"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
        XCTAssertEqual(document.status, 0, document.stderr)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-openapi-\(UUID().uuidString).json")
        try document.stdout.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, problems)
        XCTAssertEqual(printed.trimmingCharacters(in: .whitespacesAndNewlines), "valid")
    }
}

/// The host documents, on every operation, the error answers it gives by itself.
final class OpenAPIErrorDocumentationTests: XCTestCase {
    func testEveryOperationDocumentsTheHostsErrors() throws {
        let printed = try runCalapi(["openapi"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let document = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any] ?? [:]
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        XCTAssertNotNil(schemas["ErrorMessage"])
        XCTAssertNotNil(schemas["AuthError"])
        let schemes = ((document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any] ?? [:]).keys
        XCTAssertEqual(Set(schemes), ["ApiKeyAuth", "BearerAuth"])
        var checked = 0
        for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
            for (method, value) in item {
                let operation = value as? [String: Any] ?? [:]
                let responses = operation["responses"] as? [String: [String: Any]] ?? [:]
                var expected = ["400", "401", "403", "404", "429", "503"]
                if method != "get" { expected.append("409") }
                if operation["requestBody"] != nil { expected.append("413") }
                for status in expected {
                    let schema = ((responses[status]?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                    XCTAssertNotNil(schema, "\(method.uppercased()) \(path) \(status)")
                }
                XCTAssertNotNil((responses["503"]?["headers"] as? [String: Any])?["Retry-After"], "\(method) \(path)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 60)
    }
}

/// Values PostgreSQL refuses (a NUL character cannot be stored in text or jsonb, a number out of
/// range for its column) are the client's mistake: 400 with a fixed message, never a 500, and never
/// PostgreSQL's own wording (which the log keeps).
final class DatabaseRefusalTests: APITestCase {
    static let fixedMessage = #"{"message":"Invalid input: a value is malformed or out of range for its field"}"#

    func testNulCharacterInABodyIs400() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let response = try call("POST", "/v1/users", as: admin, body: #"{"email":"nul@example.com","username":"nul","name":"a\u0000b"}"#)
        XCTAssertEqual(response.status, 400, response.text)
        XCTAssertEqual(response.text, DatabaseRefusalTests.fixedMessage)
        XCTAssertEqual(try value("SELECT count(*) FROM users WHERE email = 'nul@example.com'"), "0")
    }

    func testOutOfRangeNumberAnswersWithoutPostgreSQLWording() throws {
        let alice = try seedUser("alice")
        let response = try call("PATCH", "/v1/users/\(alice.id)", as: alice, body: ["defaultScheduleId": 99_999_999_999])
        XCTAssertEqual(response.status, 400, response.text)
        XCTAssertEqual(response.text, DatabaseRefusalTests.fixedMessage)
        XCTAssertFalse(response.text.contains("integer"), "PostgreSQL's message names the type")
        let log = try server.logText()
        XCTAssertTrue(log.contains("out of range for type integer"), "the log keeps PostgreSQL's message: \(log)")
    }
}
