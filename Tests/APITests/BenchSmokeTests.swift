import Foundation
import XCTest

/// `scripts/bench --smoke`: the benchmark run end to end on a tiny data set (40 users, one second per
/// endpoint), so that the script cannot rot. Nothing is timed: the test asserts only that every
/// endpoint printed its numbers, and that pgbench ran beside calapi.
final class BenchSmokeTests: XCTestCase {
    func testBenchmarkPrintsNumbersForEveryEndpoint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let owner = try TestDatabase.create()
        defer { TestDatabase.drop(owner) }
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/bench")
        process.arguments = ["--smoke"]
        var environment = ProcessInfo.processInfo.environment
        environment["BENCH_DATABASE_URL"] = owner
        environment["BENCH_SERVE_URL"] = try TestDatabase.restrictedURL(owner)
        environment["BENCH_BIN_DIR"] = CalapiServer.binaryDirectory
        environment["BENCH_PORT"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)

        let number = #"\s+[0-9]+\s+[0-9.]+ms\s+[0-9.]+ms\s+[0-9.]+x\s+"#
        for endpoint in ["GET /v1/me", "GET /v1/users/{id}", "GET /v1/event-types/{id}", "PATCH /v1/event-types/{id}",
                         "GET /v1/schedules", "GET /v1/bookings?take=10&page=1", "GET /v1/bookings/{id}", "POST /v1/bookings"] {
            let line = NSRegularExpression.escapedPattern(for: endpoint) + #"\s+calapi"# + number + #"0\s"#
            XCTAssertNotNil(text.range(of: line, options: .regularExpression), "no numbers (or non-2xx answers) for \(endpoint):\n\(text)")
        }
        for endpoint in ["GET /v1/event-types/{id}", "GET /v1/bookings?take=10&page=1"] {
            let line = NSRegularExpression.escapedPattern(for: endpoint) + #"\s+pgbench"# + number
            XCTAssertNotNil(text.range(of: line, options: .regularExpression), "no pgbench numbers for \(endpoint):\n\(text)")
        }
        XCTAssertTrue(text.contains("first request answered"), text)
    }
}
