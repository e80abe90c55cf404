import XCTest
@testable import Host

/// `limits.max_query_params`: a request with more query parameters answers 400 naming the limit.
final class QueryLimitTests: APITestCase {
    func testDefaultCapOfAThousandParameters() throws {
        let alice = try seedUser("alice")
        // apiKey counts too: 999 + 1 parameters are accepted, 1000 + 1 refused.
        let atLimit = Array(repeating: "a=1", count: 999).joined(separator: "&")
        XCTAssertEqual(try call("GET", "/v1/me?\(atLimit)", as: alice).status, 200)
        let response = try call("GET", "/v1/me?\(atLimit)&a=2", as: alice)
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.text, #"{"message":"Too many query parameters (the limit is 1000)"}"#)
    }
}

final class ConfiguredQueryLimitTests: APITestCase {
    override var configYAML: String { "limits:\n  max_query_params: 3\n" }

    func testConfiguredCap() throws {
        let alice = try seedUser("alice")
        XCTAssertEqual(try call("GET", "/v1/me?a=1&b=2", as: alice).status, 200)
        let response = try call("GET", "/v1/me?a=1&a=2&a=3", as: alice)
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.text, #"{"message":"Too many query parameters (the limit is 3)"}"#)
    }
}
