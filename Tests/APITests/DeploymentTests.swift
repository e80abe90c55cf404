import Foundation
import XCTest

/// deploy/calapi.service is a unit systemd accepts, with the hardening docs/operations.md promises.
final class DeploymentTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `systemd-analyze` (from Debian's `systemd`, installed by `scripts/install-deps --test`).
    private func systemdAnalyze(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let program = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try XCTUnwrap(program, "systemd-analyze is missing: run scripts/install-deps --test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// The unit with its program path pointing at the calapi just built (verify checks that it exists).
    private func unitUnderTest() throws -> String {
        let unit = try String(contentsOf: DeploymentTests.root.appendingPathComponent("deploy/calapi.service"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("calapi.service").path
        try unit.replacingOccurrences(of: "/opt/calapi/calapi", with: CalapiServer.binaryDirectory + "/calapi")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTheServiceUnitVerifiesWithoutAWord() throws {
        let result = try systemdAnalyze(["verify", try unitUnderTest()])
        XCTAssertEqual(result.status, 0, result.errors)
        // Unknown keys and bad values are only warned about: any line printed is a defect of the unit.
        XCTAssertEqual(result.errors, "")
        XCTAssertEqual(result.output, "")
    }

    func testTheServiceUnitIsHardenedAndReloadsBySIGHUP() throws {
        let unit = try String(contentsOf: DeploymentTests.root.appendingPathComponent("deploy/calapi.service"), encoding: .utf8)
        for line in ["User=calapi", "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/calapi",
                     "PrivateTmp=yes", "ExecReload=/bin/kill -HUP $MAINPID", "KillSignal=SIGTERM"] {
            XCTAssertTrue(unit.contains("\n\(line)\n"), line)
        }
        let security = try systemdAnalyze(["security", "--offline=yes", try unitUnderTest()])
        let pattern = #"Overall exposure level for calapi\.service: [0-9.]+"#
        let exposure = try XCTUnwrap(security.output.range(of: pattern, options: .regularExpression).map { security.output[$0] },
                                     security.output + security.errors)
        let level = try XCTUnwrap(Double(exposure.split(separator: " ").last!))
        XCTAssertLessThanOrEqual(level, 2.0, "systemd rates the unit's exposure \(level) of 10")
    }
}
