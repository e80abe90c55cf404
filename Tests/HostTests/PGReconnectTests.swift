import XCTest
@testable import Host

/// Losing the server and getting it back.
final class PGReconnectTests: XCTestCase {
    private static var cluster: Result<PGTestCluster, Error>!

    override class func setUp() {
        cluster = Result { try PGTestCluster() }
    }

    override class func tearDown() {
        try? cluster.get().destroy()
    }

    private func backendPID(_ connection: PGConnection) throws -> Int64? {
        try connection.execute(statementID: 0, sql: "SELECT pg_backend_pid()", params: []).int64(0, 0)
    }

    func testStoppedServerIsUnavailableQuicklyAndRestartedServerIsUsedAgain() throws {
        let cluster = try Self.cluster.get()
        let connection = PGConnection(url: cluster.url())
        XCTAssertNotNil(try backendPID(connection))
        try cluster.stop()

        for attempt in 1...2 {
            let start = Date()
            XCTAssertThrowsError(try backendPID(connection), "attempt \(attempt)") { error in
                XCTAssertEqual((error as? DatabaseError)?.kind, .unavailable)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 3)
            XCTAssertFalse(connection.isConnected)
        }

        try cluster.start()
        XCTAssertNotNil(try backendPID(connection))
        XCTAssertTrue(connection.isConnected)
        let prepared = try connection.simpleQuery("SELECT count(*) FROM pg_prepared_statements")
        XCTAssertEqual(prepared.int64(0, 0), 1, "prepared again on the new connection")
    }

    func testConnectionClosedWhileIdleIsReplacedBeforeTheNextStatement() throws {
        let url = try Self.cluster.get().url()
        let connection = PGConnection(url: url)
        let killer = PGConnection(url: url)
        let first = try XCTUnwrap(try backendPID(connection))
        _ = try killer.execute(statementID: 0, sql: "SELECT pg_terminate_backend($1::int)", params: [.text(String(first))])
        Thread.sleep(forTimeInterval: 1.2)
        let second = try XCTUnwrap(try backendPID(connection))
        XCTAssertNotEqual(first, second)
    }

    func testBusyConnectionKilledFailsOnceThenReconnects() throws {
        let url = try Self.cluster.get().url()
        let connection = PGConnection(url: url)
        let killer = PGConnection(url: url)
        let first = try XCTUnwrap(try backendPID(connection))
        _ = try killer.execute(statementID: 0, sql: "SELECT pg_terminate_backend($1::int, 5000)", params: [.text(String(first))])
        XCTAssertThrowsError(try backendPID(connection)) { error in
            XCTAssertEqual((error as? DatabaseError)?.kind, .unavailable, "\(error)")
        }
        XCTAssertNotEqual(try backendPID(connection), first)
    }
}
