import Foundation
import XCTest
@testable import Host

/// The third-party examples (`examples/<name>`): each is copied to a clean temporary folder, built
/// with the build line of its README as its author would, loaded through `plugins.files` and called
/// over HTTP.
enum ExampleBuild {
    /// This checkout.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of `examples/<name>` in a fresh temporary folder (without any earlier build).
    static func copy(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: root.appendingPathComponent("examples/\(name)"), to: copy)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent(".build"))
        return copy
    }

    /// The README's build command: its first indented line starting with `prefix`.
    static func buildLine(_ folder: URL, startingWith prefix: String) throws -> String {
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let line = readme.split(separator: "\n").first { $0.hasPrefix("    " + prefix) }
        return try XCTUnwrap(line.map { $0.trimmingCharacters(in: .whitespaces) }, "no build line in the README")
    }

    /// Runs `command` with `/bin/sh` in `folder`; fails the test with the output when it fails.
    static func shell(_ command: String, in folder: URL, environment: [String: String] = [:],
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "`\(command)` failed:\n\(text)", file: file, line: line)
    }
}

/// `examples/booking-summary`: plain C from the header alone.
final class CExamplePluginTests: APITestCase {
    private static var plugin: URL!

    override func setUpWithError() throws {
        let folder = try ExampleBuild.copy("booking-summary")
        try ExampleBuild.shell(ExampleBuild.buildLine(folder, startingWith: "cc "), in: folder, environment: ["CALAPI": ExampleBuild.root.path])
        Self.plugin = folder.appendingPathComponent("libBookingSummary.so")
        try super.setUpWithError()
    }

    override var configYAML: String {
        "plugins:\n  load: [Users]\n  files: [\(Self.plugin.path)]\nresources:\n  me: [GET]\n  booking-summary: [GET]\n"
    }

    func testServesTheCallersSummaryOverHTTP() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        try seedBooking(alice, start: "2030-01-02T10:00:00Z", end: "2030-01-02T10:30:00Z")
        try seedBooking(alice, start: "2030-01-01T10:00:00Z", end: "2030-01-01T10:30:00Z", status: "pending")
        try seedBooking(alice, start: "2020-01-01T10:00:00Z", end: "2020-01-01T10:30:00Z", status: "cancelled")
        try seedBooking(admin)

        let mine = try call("GET", "/v1/booking-summary", as: alice)
        XCTAssertEqual(mine.status, 200, mine.text)
        let summary = try XCTUnwrap(mine.json["booking_summary"] as? [String: Any], mine.text)
        XCTAssertEqual(summary["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(summary["total"] as? Int, 3)
        XCTAssertEqual(summary["accepted"] as? Int, 1)
        XCTAssertEqual(summary["pending"] as? Int, 1)
        XCTAssertEqual(summary["cancelled"] as? Int, 1)
        XCTAssertEqual(summary["upcoming"] as? Int, 2)
        XCTAssertEqual(summary["nextStartTime"] as? String, "2030-01-01T10:00:00.000Z")

        let foreign = try call("GET", "/v1/booking-summary?userId=\(admin.id)", as: alice)
        XCTAssertEqual(foreign.status, 403, foreign.text)
        XCTAssertEqual(foreign.json["message"] as? String, "Only system admins may read another user's summary")
        let asAdmin = try call("GET", "/api/v1/booking-summary?userId=\(alice.id)", as: admin)
        XCTAssertEqual((asAdmin.json["booking_summary"] as? [String: Any])?["total"] as? Int, 3, asAdmin.text)
        XCTAssertEqual(try call("GET", "/v1/booking-summary?userId=abc", as: alice).status, 400)
        XCTAssertEqual(try call("GET", "/v1/booking-summary", as: nil).status, 401)
        XCTAssertEqual(try call("POST", "/v1/booking-summary", as: alice).status, 405)

        // Listed in /docs with the plugin that serves it.
        let docs = try server.request("GET", "/docs").json
        let paths = try XCTUnwrap(docs["paths"] as? [String: Any])
        let operation = try XCTUnwrap((paths["/booking-summary"] as? [String: Any])?["get"] as? [String: Any], "\(paths.keys)")
        XCTAssertEqual(operation["x-calapi-plugin"] as? [String: String], ["name": "booking-summary", "version": "1.0.0"])
        XCTAssertNotNil((docs["components"] as? [String: Any]).flatMap { $0["schemas"] as? [String: Any] }?["BookingSummary"])
    }

    /// The same source built against a header that claims another ABI is refused by name, and the
    /// listing says which plugin serves which route.
    func testBuiltForAnotherABIIsRefused() throws {
        let folder = try ExampleBuild.copy("booking-summary")
        let include = folder.appendingPathComponent("include")
        try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
        let header = try String(contentsOf: ExampleBuild.root.appendingPathComponent("Sources/PluginAPI/include/calapi_plugin.h"), encoding: .utf8)
        try header.replacingOccurrences(of: "#define CALAPI_ABI_MAJOR 1", with: "#define CALAPI_ABI_MAJOR 2")
            .write(to: include.appendingPathComponent("calapi_plugin.h"), atomically: true, encoding: .utf8)
        try ExampleBuild.shell("cc -shared -fPIC -fvisibility=hidden -I include -o libBookingSummary.so booking_summary.c", in: folder)
        let config = folder.appendingPathComponent("config.yaml")
        try "plugins:\n  load: [Users]\n  files: [libBookingSummary.so, \(Self.plugin.path)]\nresources:\n  users: [GET]\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let listing = try runCalapi(["plugins", "--config", config.path])
        XCTAssertEqual(listing.status, 1, listing.stdout)
        XCTAssertTrue(listing.stdout.contains("""
            libBookingSummary.so: refused: cannot load plugin file "libBookingSummary.so": ABI version mismatch: \
            calapi implements plugin ABI 1.1; the plugin was built for ABI 2.1
            """), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("libBookingSummary.so: booking-summary 1.0.0 (cc "), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("      GET /booking-summary (not enabled)"), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("      GET /users/{userId}\n"), listing.stdout)
    }
}

/// `examples/booking-ratings`: a Swift package depending on calapi's PluginSDK product. Built once
/// per run (a whole package build), for its one test.
final class SwiftExamplePluginTests: APITestCase {
    private static var plugin: URL!

    override func setUpWithError() throws {
        let folder = try ExampleBuild.copy("booking-ratings")
        try ExampleBuild.shell(ExampleBuild.buildLine(folder, startingWith: "swift build"), in: folder,
                               environment: ["CALAPI_SOURCE": ExampleBuild.root.path])
        Self.plugin = folder.appendingPathComponent(".build/debug/libBookingRatings.so")
        try super.setUpWithError()
    }

    override var configYAML: String {
        "plugins:\n  load: [Users]\n  files: [\(Self.plugin.path)]\nresources:\n  me: [GET]\n  booking-ratings: [GET, PUT]\n"
    }

    func testAttendeesRateEndedBookingsOverHTTP() throws {
        let organizer = try seedUser("olga")
        let guest = try seedUser("gus")
        let stranger = try seedUser("sam")
        let ended = try seedBooking(organizer, start: "2020-01-01T10:00:00Z", end: "2020-01-01T10:30:00Z")
        let future = try seedBooking(organizer)
        for booking in [ended, future] { try seedAttendee(booking, email: "gus@example.com") }

        let rated = try call("PUT", "/v1/booking-ratings/\(ended)", as: guest, body: ["rating": 5, "feedback": "Useful"])
        XCTAssertEqual(rated.status, 200, rated.text)
        let rating = try XCTUnwrap(rated.json["booking_rating"] as? [String: Any], rated.text)
        XCTAssertEqual(rating["bookingId"] as? Int, Int(ended))
        XCTAssertEqual(rating["rating"] as? Int, 5)
        XCTAssertEqual(rating["feedback"] as? String, "Useful")
        XCTAssertEqual(try value(#"SELECT rating || ' ' || "ratingFeedback" FROM "Booking" WHERE id = $1::int"#, [.text(String(ended))]), "5 Useful")

        let read = try call("GET", "/v1/booking-ratings/\(ended)", as: organizer)
        XCTAssertEqual((read.json["booking_rating"] as? [String: Any])?["rating"] as? Int, 5, read.text)
        XCTAssertEqual(try call("GET", "/v1/booking-ratings/\(ended)", as: stranger).status, 404)

        // The access rule runs before the body is read; the schema's message for a bad body.
        let foreign = try call("PUT", "/v1/booking-ratings/\(ended)", as: stranger, body: ["rating": 0])
        XCTAssertEqual(foreign.status, 403, foreign.text)
        XCTAssertEqual(foreign.json["message"] as? String, "Only an attendee of the booking may rate it")
        let organizerRates = try call("PUT", "/v1/booking-ratings/\(ended)", as: organizer, body: ["rating": 1])
        XCTAssertEqual(organizerRates.status, 403, organizerRates.text)
        let invalid = try call("PUT", "/v1/booking-ratings/\(ended)", as: guest, body: ["rating": 9])
        XCTAssertEqual(invalid.status, 400, invalid.text)
        XCTAssertTrue((invalid.json["message"] as? String ?? "").contains("rating must be a whole number from 1 to 5"), invalid.text)
        XCTAssertEqual(try call("PUT", "/v1/booking-ratings/\(ended)", as: guest, body: ["rating": 3, "extra": 1]).status, 400)

        let early = try call("PUT", "/v1/booking-ratings/\(future)", as: guest, body: ["rating": 4])
        XCTAssertEqual(early.status, 400, early.text)
        XCTAssertEqual(early.json["message"] as? String, "A booking can be rated once it has ended")
        XCTAssertNil(try value(#"SELECT rating FROM "Booking" WHERE id = $1::int"#, [.text(String(future))]))

        let docs = try server.request("GET", "/docs").json
        let operation = ((docs["paths"] as? [String: Any])?["/booking-ratings/{bookingId}"] as? [String: Any])?["put"] as? [String: Any]
        XCTAssertEqual(operation?["x-calapi-plugin"] as? [String: String], ["name": "booking-ratings", "version": "1.0.0"])
    }
}
