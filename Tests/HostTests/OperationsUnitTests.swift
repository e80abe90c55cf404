import XCTest
@testable import Host

/// The parts of health, metrics and rate limits that need no server.
final class OperationsUnitTests: XCTestCase {
    func testLocalRateLimitCountsPerUserInFixedWindows() throws {
        let limiter = RateLimiter(sharedStatementID: 0)
        let unused = PGConnection(url: "postgresql://nobody@127.0.0.1:1/none")
        let settings = RateLimitSettings(enabled: true, limit: 2, windowSeconds: 60, shared: false)
        let first = try XCTUnwrap(try limiter.decide(user: 7, settings: settings, connection: unused))
        let second = try XCTUnwrap(try limiter.decide(user: 7, settings: settings, connection: unused))
        let third = try XCTUnwrap(try limiter.decide(user: 7, settings: settings, connection: unused))
        XCTAssertEqual([first.remaining, second.remaining, third.remaining], [1, 0, 0])
        XCTAssertEqual([first.allowed, second.allowed, third.allowed], [true, true, false])
        XCTAssertEqual(first.resetMilliseconds, third.resetMilliseconds, "one window")
        XCTAssertTrue((1...60).contains(third.retryAfterSeconds))
        XCTAssertEqual(third.refusal.status, 429)
        XCTAssertEqual(String(decoding: third.refusal.body, as: UTF8.self), #"{"message":"Rate limit exceeded"}"#)
        XCTAssertTrue(try XCTUnwrap(try limiter.decide(user: 8, settings: settings, connection: unused)).allowed, "another user counts apart")
        XCTAssertNil(try limiter.decide(user: 7, settings: RateLimitSettings(), connection: unused), "off by default")
    }

    func testReadinessNamesWhatIsNotReady() {
        XCTAssertEqual(Readiness(failedPlugins: []).problems().map(\.check), [])
        let readiness = Readiness(failedPlugins: ["libNope.so"])
        readiness.databaseFailed()
        XCTAssertEqual(readiness.problems().map(\.check), ["database", "plugins"])
        XCTAssertEqual(readiness.problems().last?.reason, "not loaded: libNope.so")
        readiness.databaseAnswered()
        XCTAssertEqual(readiness.problems().map(\.check), ["plugins"])
        // Process-wide and final; no other test of this process reads it.
        ServerLifecycle.beginDrain()
        XCTAssertEqual(Readiness(failedPlugins: []).problems().map(\.check), ["drain"])
    }

    func testPrometheusTextEscapesLabelsAndSumsBuckets() {
        var histogram = Histogram(bounds: [0.1, 1])
        for value in [0.05, 0.5, 0.5, 5] { histogram.observe(value) }
        var text = PrometheusText()
        text.family("x_seconds", "histogram", "help")
        text.histogram("x_seconds", [("path", "a\"b\\c\nd")], histogram)
        XCTAssertEqual(text.text, """
            # HELP x_seconds help
            # TYPE x_seconds histogram
            x_seconds_bucket{path="a\\"b\\\\c\\nd",le="0.1"} 1
            x_seconds_bucket{path="a\\"b\\\\c\\nd",le="1"} 3
            x_seconds_bucket{path="a\\"b\\\\c\\nd",le="+Inf"} 4
            x_seconds_sum{path="a\\"b\\\\c\\nd"} 6.05
            x_seconds_count{path="a\\"b\\\\c\\nd"} 4

            """)
    }

    func testMetricsBearerTokenComparison() {
        XCTAssertTrue(OperationsEndpoints.bearerMatches("Bearer 0123456789abcdef", "0123456789abcdef"))
        XCTAssertTrue(OperationsEndpoints.bearerMatches("bearer 0123456789abcdef ", "0123456789abcdef"))
        XCTAssertFalse(OperationsEndpoints.bearerMatches("Bearer 0123456789abcdeX", "0123456789abcdef"))
        XCTAssertFalse(OperationsEndpoints.bearerMatches("Bearer 0123456789abcdef0", "0123456789abcdef"))
        XCTAssertFalse(OperationsEndpoints.bearerMatches(nil, "0123456789abcdef"))
        XCTAssertFalse(OperationsEndpoints.bearerMatches("Basic 0123456789abcdef", "0123456789abcdef"))
    }
}
