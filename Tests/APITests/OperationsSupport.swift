import Foundation
import XCTest

/// Polls `condition` every 50 ms for up to `seconds`; whether it became true.
func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}

/// `/metrics` output read by Prometheus' reference parser (`prometheus_client`, installed by
/// scripts/install-deps): family types by name (counters without `_total`, as the parser names
/// them) and every sample. Throws when the parser refuses the text.
struct PrometheusScrape {
    struct Sample {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let types: [String: String]
    let samples: [Sample]

    init(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-metrics-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {"types": {}, "samples": []}
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                out["types"][family.name] = family.type
                for s in family.samples:
                    out["samples"].append([s.name, s.labels, s.value])
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let types = parsed["types"] as? [String: String], let samples = parsed["samples"] as? [[Any]] else {
            throw TestFailure("the Prometheus parser refused the output: \(problem)\n\(text)")
        }
        self.types = types
        self.samples = samples.map { Sample(name: $0[0] as! String, labels: $0[1] as! [String: String], value: ($0[2] as! NSNumber).doubleValue) }
    }

    /// The value of the sample `name` with exactly `labels`; 0 when there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.first { $0.name == name && $0.labels == labels }?.value ?? 0
    }
}
