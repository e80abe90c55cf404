import Foundation
import XCTest
@testable import Host

/// `GET /metrics`: Prometheus text that the reference parser reads, counters that follow the
/// requests served, and the optional bearer token.
final class MetricsTests: APITestCase {
    private static let token = "metrics-token-0123456789"

    override var configYAML: String {
        "metrics:\n  token: \(MetricsTests.token)\nrate_limit:\n  enabled: true\n  limit: 2\n  window_seconds: 600\n"
    }

    private func scrape() throws -> PrometheusScrape {
        let response = try server.request("GET", "/metrics", headers: ["Authorization": "Bearer \(MetricsTests.token)"])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusScrape(response.text)
    }

    func testTheOutputParsesAndTheCountersFollowTheRequests() throws {
        let before = try scrape()
        XCTAssertEqual(before.types["calapi_http_requests"], "counter")
        XCTAssertEqual(before.types["calapi_http_request_duration_seconds"], "histogram")
        XCTAssertEqual(before.types["calapi_http_connections"], "gauge")
        XCTAssertEqual(before.types["calapi_db_pool_connections"], "gauge")
        XCTAssertEqual(before.types["calapi_db_pool_wait_seconds"], "histogram")
        XCTAssertEqual(before.types["calapi_db_errors"], "counter")
        XCTAssertEqual(before.types["calapi_rate_limited"], "counter")
        XCTAssertEqual(before.types["calapi_plugins_loaded"], "gauge")
        XCTAssertEqual(before.types["calapi_plugin_load_errors"], "counter")
        XCTAssertEqual(before.value("calapi_build_info", ["version": CalapiVersion.number]), 1)
        XCTAssertEqual(before.value("calapi_plugins_loaded"), 16)
        XCTAssertEqual(before.value("calapi_plugin_load_errors_total"), 0)
        XCTAssertEqual(before.value("calapi_db_pool_connections", ["state": "busy"]) + before.value("calapi_db_pool_connections", ["state": "idle"]), 4)
        XCTAssertGreaterThanOrEqual(before.value("calapi_http_connections"), 1)

        let alice = try seedUser("alice")
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200)
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200)
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 429)
        XCTAssertEqual(try call("GET", "/v1/me", as: nil).status, 401)
        XCTAssertEqual(try server.request("GET", "/v1/nowhere").status, 404)
        XCTAssertEqual(try server.request("FETCH", "/v1/me").status, 401, "an unknown method still needs a key")

        let after = try scrape()
        func delta(_ name: String, _ labels: [String: String] = [:]) -> Double { after.value(name, labels) - before.value(name, labels) }
        let requests = "calapi_http_requests_total"
        XCTAssertEqual(delta(requests, ["resource": "me", "method": "GET", "status": "200"]), 2)
        XCTAssertEqual(delta(requests, ["resource": "me", "method": "GET", "status": "429"]), 1)
        XCTAssertEqual(delta(requests, ["resource": "me", "method": "GET", "status": "401"]), 1)
        XCTAssertEqual(delta(requests, ["resource": "me", "method": "OTHER", "status": "401"]), 1, "unknown methods share one label value")
        XCTAssertEqual(delta(requests, ["resource": "unknown", "method": "GET", "status": "404"]), 1)
        XCTAssertEqual(delta(requests, ["resource": "metrics", "method": "GET", "status": "200"]), 1, "the first scrape")
        XCTAssertEqual(delta("calapi_http_request_duration_seconds_count", ["resource": "me", "method": "GET"]), 4)
        XCTAssertEqual(after.value("calapi_http_request_duration_seconds_bucket", ["resource": "me", "method": "GET", "le": "+Inf"]),
                       after.value("calapi_http_request_duration_seconds_count", ["resource": "me", "method": "GET"]))
        XCTAssertEqual(delta("calapi_db_pool_wait_seconds_count"), 5, "the five requests that went to a worker")
        XCTAssertEqual(delta("calapi_rate_limited_total"), 1)
    }

    func testTheTokenIsRequiredWhenConfigured() throws {
        let bare = try server.request("GET", "/metrics")
        XCTAssertEqual(bare.status, 401)
        XCTAssertEqual(bare.header("WWW-Authenticate"), #"Bearer realm="calapi metrics""#)
        XCTAssertEqual(try server.request("GET", "/metrics", headers: ["Authorization": "Bearer wrong-token-0123456789"]).status, 401)
        XCTAssertEqual(try server.request("GET", "/metrics", headers: ["Authorization": "Bearer \(MetricsTests.token)"]).status, 200)
    }
}
