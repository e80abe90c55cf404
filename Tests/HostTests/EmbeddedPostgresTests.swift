import Foundation
import XCTest
@testable import Host

/// Starts real private clusters in temporary folders.
final class EmbeddedPostgresTests: XCTestCase {
    private var folder = ""
    private var clusters: [EmbeddedPostgres] = []

    override func setUpWithError() throws {
        folder = try TestSQL.temporaryDirectory("calapi-embedded-test")
    }

    override func tearDown() {
        clusters.forEach { $0.stop() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func cluster(port: UInt16 = 0, in directory: String? = nil) -> EmbeddedPostgres {
        let cluster = EmbeddedPostgres(dataDirectory: directory ?? folder, port: port, forTests: true,
                                       relocationBase: folder + "/relocated")
        clusters.append(cluster)
        return cluster
    }

    func testStartConnectQueryStop() throws {
        let postgres = cluster()
        try postgres.start()
        XCTAssertTrue(postgres.url.hasPrefix("postgresql://calapi:"))
        XCTAssertTrue(postgres.url.hasSuffix("@127.0.0.1:\(postgres.port)/calapi"))
        let row = try TestSQL(url: postgres.url).run("""
            SELECT current_database(), current_user, current_setting('listen_addresses'),
                   current_setting('max_connections'), current_setting('fsync'), 6 * 7
            """)
        XCTAssertEqual(row, [["calapi", "calapi", "127.0.0.1", "100", "off", "42"]])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/postgres.log"))
        XCTAssertEqual(try String(contentsOfFile: folder + "/port", encoding: .utf8), "\(postgres.port)\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/run/.s.PGSQL.\(postgres.port)"))

        postgres.stop()
        XCTAssertThrowsError(try TestSQL(url: postgres.url + "?connect_timeout=2"))
        postgres.stop()
    }

    func testServeDefaultsKeepDataSafe() throws {
        let postgres = EmbeddedPostgres(dataDirectory: folder, port: 0)
        clusters.append(postgres)
        try postgres.start()
        let settings = try TestSQL(url: postgres.url).run("""
            SELECT current_setting('fsync'), current_setting('full_page_writes')
            """)
        XCTAssertEqual(settings, [["on", "on"]])
    }

    func testStartTwiceReusesTheRunningServer() throws {
        let first = cluster()
        try first.start()
        let pid = try postmasterPID()
        try first.start()
        let second = cluster()
        try second.start()
        XCTAssertEqual(second.port, first.port)
        XCTAssertEqual(second.url, first.url)
        XCTAssertEqual(try postmasterPID(), pid)
        XCTAssertEqual(try TestSQL(url: second.url).value("SELECT 1"), "1")
    }

    func testRestartKeepsDataAndPort() throws {
        let postgres = cluster()
        try postgres.start()
        try TestSQL(url: postgres.url).run("CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)")
        let port = postgres.port
        postgres.stop()
        try postgres.start()
        XCTAssertEqual(postgres.port, port)
        XCTAssertEqual(try TestSQL(url: postgres.url).value("SELECT n FROM kept"), "7")
    }

    func testKillThenStartRecovers() throws {
        let postgres = cluster()
        try postgres.start()
        try TestSQL(url: postgres.url).run("CREATE TABLE survivor (n integer); INSERT INTO survivor VALUES (1)")
        postgres.kill()
        XCTAssertThrowsError(try TestSQL(url: postgres.url + "?connect_timeout=2"))
        try postgres.start()
        XCTAssertEqual(try TestSQL(url: postgres.url).value("SELECT n FROM survivor"), "1")
    }

    func testPasswordIsRequired() throws {
        let postgres = cluster()
        try postgres.start()
        XCTAssertThrowsError(try TestSQL(url: "postgresql://calapi@127.0.0.1:\(postgres.port)/calapi")) { error in
            XCTAssertTrue("\(error)".contains("password"), "\(error)")
        }
    }

    func testBusyPortIsAClearError() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        XCTAssertTrue(listening)
        let busyPort = UInt16(bigEndian: address.sin_port)
        XCTAssertThrowsError(try cluster(port: busyPort).start()) { error in
            XCTAssertEqual("\(error)", "port \(busyPort) on 127.0.0.1 is already in use; choose another port for the private PostgreSQL")
        }
    }

    /// A data folder whose parent is closed (0700, as `/root` is): as root the `postgres` account
    /// cannot reach it, so the cluster moves to a folder calapi creates; the parent keeps its mode.
    func testDataFolderBehindAClosedParentLeavesTheParentAlone() throws {
        let closed = folder + "/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
        chmod(closed, 0o700)
        let postgres = cluster(in: closed + "/data")
        try postgres.start()
        XCTAssertEqual(try TestSQL(url: postgres.url).run("CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)"), [])
        XCTAssertEqual(try mode(of: closed), 0o700, "the closed parent must keep its permissions")
        XCTAssertEqual(try mode(of: closed + "/data"), 0o700)
        guard geteuid() == 0 else { return XCTAssertFalse(postgres.isRelocated) }

        XCTAssertTrue(postgres.isRelocated)
        XCTAssertEqual(postgres.serverDirectory, folder + "/relocated/" + EmbeddedPostgres.relocatedName(closed + "/data"))
        XCTAssertEqual(try mode(of: folder + "/relocated"), 0o711)
        XCTAssertTrue(FileManager.default.fileExists(atPath: postgres.clusterDirectory + "/PG_VERSION"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: closed + "/data/password"), "the password stays in the data folder")
        // A later start (a new process) finds the same cluster.
        postgres.stop()
        let again = cluster(in: closed + "/data")
        try again.start()
        XCTAssertEqual(try TestSQL(url: again.url).value("SELECT n FROM kept"), "7")
        XCTAssertEqual(try mode(of: closed), 0o700)
    }

    func testTheClusterMovesOnlyWhenTheServerAccountIsBlocked() {
        let postgres = EmbeddedPostgres.Programs.Account(name: "postgres", uid: 101, gid: 101)
        let base = "/var/lib/calapi"
        let data = "/root/work/calapi/.calapi"
        XCTAssertEqual(EmbeddedPostgres.serverDirectory(dataDirectory: data, account: nil, relocationBase: base) { _ in false }, data,
                       "not root: calapi's own account reaches its data folder")
        XCTAssertEqual(EmbeddedPostgres.serverDirectory(dataDirectory: data, account: postgres, relocationBase: base) { _ in true }, data)
        let moved = EmbeddedPostgres.serverDirectory(dataDirectory: data, account: postgres, relocationBase: base) { $0 != "/root" }
        XCTAssertEqual(moved, base + "/" + EmbeddedPostgres.relocatedName(data))
        XCTAssertEqual(EmbeddedPostgres.blockingParent(of: data) { $0 != "/root" }, "/root")
        XCTAssertNil(EmbeddedPostgres.blockingParent(of: data) { _ in true })

        let name = EmbeddedPostgres.relocatedName(data)
        XCTAssertTrue(name.hasPrefix("calapi-.calapi-"), name)
        XCTAssertEqual(name, EmbeddedPostgres.relocatedName(data), "stable across starts")
        XCTAssertNotEqual(name, EmbeddedPostgres.relocatedName("/root/other/calapi/.calapi"))
        let odd = EmbeddedPostgres.relocatedName("/srv/" + String(repeating: "é ", count: 40) + "/data")
        XCTAssertTrue(odd.allSatisfy { $0.isASCII && !$0.isWhitespace }, odd)
        XCTAssertLessThanOrEqual(odd.count, 32 + 1 + 16)
    }

    func testTraversalFollowsOwnerGroupAndOtherBits() throws {
        guard geteuid() == 0, let account = EmbeddedPostgres.Programs.Account.forServer() else {
            throw XCTSkip("needs root and the postgres account")
        }
        let probe = folder + "/probe"
        try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        for (mode, owner, expected) in [(0o700, 0, false), (0o701, 0, true), (0o710, 0, false), (0o700, Int(account.uid), true)] {
            chmod(probe, mode_t(mode))
            chown(probe, uid_t(owner), 0)
            XCTAssertEqual(account.canTraverse(probe), expected, "mode \(String(mode, radix: 8)) owner \(owner)")
        }
        XCTAssertFalse(account.canTraverse(folder + "/missing"))
    }

    private func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try XCTUnwrap(attributes[.posixPermissions] as? Int)
    }

    func testDeepDataFolderFallsBackToTCPOnly() throws {
        let deep = folder + "/" + String(repeating: "d", count: 100)
        let postgres = cluster(in: deep)
        try postgres.start()
        XCTAssertEqual(try TestSQL(url: postgres.url).value("SELECT current_setting('unix_socket_directories')"), "")
    }

    private func postmasterPID() throws -> String {
        let text = try String(contentsOfFile: folder + "/pgdata/postmaster.pid", encoding: .utf8)
        return String(text.split(separator: "\n")[0])
    }
}
