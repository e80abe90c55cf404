import XCTest
@testable import Host

/// `log:`, `metrics:` and `rate_limit:` of config.yaml and their environment overrides.
final class OperationsConfigTests: XCTestCase {
    private func parse(_ yaml: String, environment: [String: String] = [:]) throws -> Config {
        try ConfigLoader.parse(yaml: yaml, file: "config.yaml", baseDirectory: "/srv", environment: environment)
    }

    private func refusal(_ yaml: String, environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try parse(yaml, environment: environment)
            XCTFail("accepted", file: file, line: line)
        } catch {
            return "\(error)"
        }
        return ""
    }

    func testDefaults() throws {
        let config = try parse("")
        XCTAssertEqual(config.log, LogSettings(format: .json, level: .info, access: true, output: .stderr))
        XCTAssertNil(config.metricsToken)
        XCTAssertEqual(config.rateLimit, RateLimitSettings(enabled: false, limit: 30, windowSeconds: 60, shared: false))
    }

    func testEveryKey() throws {
        let config = try parse("""
            log:
              format: text
              level: warning
              access: false
              output: stdout
            metrics:
              token: 0123456789abcdef-token
            rate_limit:
              enabled: true
              limit: 5
              window_seconds: 10
              shared: true
            """)
        XCTAssertEqual(config.log, LogSettings(format: .text, level: .warning, access: false, output: .stdout))
        XCTAssertEqual(config.metricsToken, "0123456789abcdef-token")
        XCTAssertEqual(config.rateLimit, RateLimitSettings(enabled: true, limit: 5, windowSeconds: 10, shared: true))
        XCTAssertNil(try parse("metrics:\n  token: \"\"\n").metricsToken, "an empty token leaves /metrics open")
    }

    func testEnvironmentWins() throws {
        let config = try parse("log:\n  format: text\n", environment: [
            "CALAPI_LOG_FORMAT": "json", "CALAPI_LOG_LEVEL": "debug", "CALAPI_METRICS_TOKEN": "secret-from-the-environment",
        ])
        XCTAssertEqual(config.log.format, .json)
        XCTAssertEqual(config.log.level, .debug)
        XCTAssertEqual(config.metricsToken, "secret-from-the-environment")
    }

    func testRefusalsNameFileLineAndKey() {
        XCTAssertEqual(refusal("log:\n  format: xml\n"), #"config.yaml:2: log.format: expected one of json, text, got "xml""#)
        XCTAssertEqual(refusal("log:\n  level: verbose\n"), #"config.yaml:2: log.level: expected one of debug, info, warning, error, got "verbose""#)
        XCTAssertEqual(refusal("log:\n  access: yes\n"), #"config.yaml:2: log.access: expected true or false, got "yes""#)
        XCTAssertEqual(refusal("log:\n  output: file\n"), #"config.yaml:2: log.output: expected one of stderr, stdout, got "file""#)
        XCTAssertEqual(refusal("log:\n  colour: true\n"),
                       "config.yaml:2: log.colour: unknown key (expected one of: format, level, access, output)")
        XCTAssertEqual(refusal("metrics:\n  token: short\n"),
                       "config.yaml:2: metrics.token: expected a token of 16 to 256 visible ASCII characters without spaces")
        XCTAssertEqual(refusal("rate_limit:\n  limit: 0\n"), #"config.yaml:2: rate_limit.limit: expected an integer from 1 to 1000000, got "0""#)
        XCTAssertEqual(refusal("rate_limit:\n  window_seconds: 90000\n"),
                       #"config.yaml:2: rate_limit.window_seconds: expected an integer from 1 to 86400, got "90000""#)
        XCTAssertEqual(refusal("rate_limit:\n  shared: 1\n"), #"config.yaml:2: rate_limit.shared: expected true or false, got "1""#)
        XCTAssertEqual(refusal("", environment: ["CALAPI_LOG_LEVEL": "loud"]),
                       #"environment: CALAPI_LOG_LEVEL: expected one of debug, info, warning, error, got "loud""#)
    }
}
