import Foundation
import XCTest
@testable import Host

/// The database going away and coming back, and the embedded default a newcomer starts with.
final class DatabaseOutageTests: APITestCase {
    func testDatabaseDownIs503ThenRecovers() throws {
        let alice = try seedUser("alice")
        XCTAssertEqual(try call("GET", "/v1/me", as: alice).status, 200)
        db.close()
        let cluster = try TestDatabase.sharedCluster()
        cluster.kill()
        let started = Date()
        let down = try call("GET", "/v1/me", as: alice)
        XCTAssertEqual(down.status, 503)
        XCTAssertEqual(down.header("Retry-After"), "1")
        XCTAssertNotNil(down.json["message"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "fails fast instead of hanging")
        try cluster.start()
        var recovered = 0
        for _ in 0..<20 where recovered == 0 {
            if try call("GET", "/v1/me", as: alice).status == 200 { recovered = 1 } else { usleep(250_000) }
        }
        XCTAssertEqual(recovered, 1, "answers 200 again once PostgreSQL is back")
        db = try server.database()
    }
}

final class EmbeddedDefaultTests: XCTestCase {
    func testServeWithoutDatabaseURLStartsAPrivatePostgresAndPrintsADemoKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-embedded-\(UUID().uuidString)").path
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment["CALAPI_DATA_DIR"] = folder
        environment["CALAPI_PLUGIN_DIR"] = CalapiServer.binaryDirectory

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CalapiServer.binaryDirectory + "/calapi")
        process.arguments = ["serve", "--port", "0"]
        process.environment = environment
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
        }
        var text = ""
        let deadline = Date().addingTimeInterval(90)
        while !text.contains("listening on") && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { usleep(50_000) } else { text += String(decoding: chunk, as: UTF8.self) }
        }
        let key = try XCTUnwrap(text.range(of: #"cal_[0-9a-f]{32}"#, options: .regularExpression).map { String(text[$0]) }, text)
        XCTAssertTrue(text.contains("curl '"), text)
        let portText = try XCTUnwrap(text.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression).map { text[$0] })
        let port = try XCTUnwrap(UInt16(portText.split(separator: ":").last!))
        let me = try HTTPClient(port: port).request("GET", "/v1/me?apiKey=\(key)")
        XCTAssertEqual(me.status, 200)
        XCTAssertEqual((me.json["user"] as? [String: Any])?["role"] as? String, "ADMIN")

        // The pool connects as the restricted role, whose password is kept like the superuser's.
        var info = stat()
        XCTAssertEqual(stat(folder + "/api-password", &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let superuser = try String(contentsOfFile: folder + "/password", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let databasePort = try String(contentsOfFile: folder + "/port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let admin = PGConnection(url: "postgresql://calapi:\(superuser)@127.0.0.1:\(databasePort)/calapi")
        try admin.connect()
        let roles = try admin.query("""
            SELECT DISTINCT usename::text FROM pg_stat_activity WHERE datname = 'calapi' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """, [])
        XCTAssertEqual((0..<roles.count).compactMap { roles.string($0, 0) }, [DatabaseRole.defaultName])
        admin.close()
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/pgdata/postmaster.pid"), "the private server is stopped with calapi")
    }
}
