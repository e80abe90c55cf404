import XCTest
@testable import Host

/// Statements, parameters and results against a real PostgreSQL.
final class PGConnectionTests: XCTestCase {
    private static var cluster: Result<PGTestCluster, Error>!
    private var connection: PGConnection!

    override class func setUp() {
        cluster = Result { try PGTestCluster() }
    }

    override class func tearDown() {
        try? cluster.get().destroy()
    }

    override func setUpWithError() throws {
        connection = PGConnection(url: try Self.cluster.get().url())
        try connection.connect()
    }

    override func tearDown() {
        connection.close()
    }

    func testConnectSetsTimeZoneAndApplicationName() throws {
        XCTAssertTrue(connection.isConnected)
        let rows = try connection.simpleQuery("SELECT current_setting('TimeZone'), current_setting('application_name')")
        XCTAssertEqual(rows.string(0, 0), "UTC")
        XCTAssertEqual(rows.string(0, 1), "calapi")
        connection.close()
        XCTAssertFalse(connection.isConnected)
    }

    func testExecuteConnectsOnFirstUse() throws {
        let fresh = PGConnection(url: try Self.cluster.get().url())
        XCTAssertFalse(fresh.isConnected)
        XCTAssertEqual(try fresh.execute(statementID: 0, sql: "SELECT 1", params: []).int64(0, 0), 1)
        XCTAssertTrue(fresh.isConnected)
    }

    func testParametersRoundTrip() throws {
        let big = String(repeating: "abcdefghij", count: 100_000) + "é"
        let rows = try connection.execute(
            statementID: 1, sql: "SELECT $1::text, $2::text, $3::text, $4::int, $5::bool, $6::text, length($7::text), $8::int",
            params: [.null, .text("zß水🍕"), .bytes(Array("raw bytes".utf8)), .int(-42), .bool(true), .text(""), .text(big), .int(nil)])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.columns, 8)
        XCTAssertTrue(rows.isNull(0, 0))
        XCTAssertNil(rows.string(0, 0))
        XCTAssertEqual(rows.string(0, 1), "zß水🍕")
        XCTAssertEqual(rows.string(0, 2), "raw bytes")
        XCTAssertEqual(rows.int64(0, 3), -42)
        XCTAssertEqual(rows.bool(0, 4), true)
        XCTAssertEqual(rows.string(0, 5), "")
        XCTAssertFalse(rows.isNull(0, 5))
        XCTAssertEqual(rows.int64(0, 6), 1_000_001)
        XCTAssertTrue(rows.isNull(0, 7))

        let echoed = try connection.execute(statementID: 2, sql: "SELECT $1::text", params: [.text(big)])
        XCTAssertEqual(echoed.text(0, 0).count, big.utf8.count)
        XCTAssertEqual(echoed.string(0, 0), big)
    }

    func testValuesAreNeverSpliced() throws {
        let hostile = "'); DROP TABLE pg_class; --"
        let rows = try connection.execute(statementID: 3, sql: "SELECT $1::text = $2::text", params: [.text(hostile), .text(hostile)])
        XCTAssertEqual(rows.bool(0, 0), true)
    }

    func testResultAccessors() throws {
        let rows = try connection.execute(
            statementID: 4,
            sql: """
                SELECT * FROM (VALUES (1::bigint, true, 'a'), (NULL, false, NULL), (-9223372036854775808, NULL, 'c'))
                AS t("userId", "isOn", label) ORDER BY 1 NULLS LAST
                """,
            params: [])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows.columnIndex("userId"), 0)
        XCTAssertNil(rows.columnIndex("userid"))
        XCTAssertEqual(rows.columnIndex("label"), 2)
        XCTAssertNil(rows.columnIndex("missing"))
        XCTAssertEqual(rows.int64(0, 0), Int64.min)
        XCTAssertNil(rows.bool(0, 1))
        XCTAssertEqual(rows.int64(1, 0), 1)
        XCTAssertEqual(rows.bool(1, 1), true)
        XCTAssertNil(rows.int64(2, 0))
        XCTAssertEqual(rows.bool(2, 1), false)
        XCTAssertNil(rows.int64(1, 2), "not a number")
        let text = rows.text(1, 2)
        XCTAssertEqual(Array(text), [UInt8(ascii: "a")])
        XCTAssertEqual(text.baseAddress![1], 0, "NUL-terminated")
        XCTAssertEqual(rows.affected, 3)
    }

    func testAffectedRowCount() throws {
        _ = try connection.simpleQuery("CREATE TEMP TABLE counted (n int)")
        let inserted = try connection.execute(statementID: 5, sql: "INSERT INTO counted SELECT generate_series(1, $1::int)", params: [.int(7)])
        XCTAssertEqual(inserted.affected, 7)
        XCTAssertEqual(inserted.count, 0)
        let updated = try connection.execute(statementID: 6, sql: "UPDATE counted SET n = n + 1 WHERE n > $1", params: [.int(5)])
        XCTAssertEqual(updated.affected, 2)
        XCTAssertEqual(try connection.simpleQuery("BEGIN").affected, 0)
        _ = try connection.simpleQuery("ROLLBACK")
    }

    func testStatementIsPreparedOncePerConnection() throws {
        for value in 0..<5 {
            let rows = try connection.execute(statementID: 7, sql: "SELECT $1::int * 2", params: [.int(value)])
            XCTAssertEqual(rows.int64(0, 0), Int64(value * 2))
        }
        let prepared = try connection.simpleQuery("SELECT name, statement FROM pg_prepared_statements ORDER BY name")
        XCTAssertEqual(prepared.count, 1)
        XCTAssertEqual(prepared.string(0, 0), "calapi_7")
        XCTAssertEqual(prepared.string(0, 1), "SELECT $1::int * 2")
    }

    func testStatementDroppedBehindItsBackIsPreparedAgain() throws {
        XCTAssertEqual(try connection.execute(statementID: 8, sql: "SELECT 8", params: []).int64(0, 0), 8)
        _ = try connection.simpleQuery("DEALLOCATE ALL")
        XCTAssertEqual(try connection.execute(statementID: 8, sql: "SELECT 8", params: []).int64(0, 0), 8)
    }

    func testNulByteInParameterIsRefused() throws {
        XCTAssertThrowsError(try connection.execute(statementID: 9, sql: "SELECT $1::text", params: [.text("a\u{0}b")])) { error in
            XCTAssertEqual((error as? DatabaseError)?.kind, .invalidInput)
        }
        XCTAssertEqual(try connection.execute(statementID: 9, sql: "SELECT $1::text", params: [.text("ab")]).string(0, 0), "ab")
    }

    func testSimpleQueryRunsSeveralStatementsAndReturnsTheLast() throws {
        let rows = try connection.simpleQuery("CREATE TEMP TABLE several (n int); INSERT INTO several VALUES (1), (2); SELECT sum(n) FROM several")
        XCTAssertEqual(rows.int64(0, 0), 3)
    }

    func testQuoteIdentifier() throws {
        XCTAssertEqual(try connection.quoteIdentifier("userId"), "\"userId\"")
        XCTAssertEqual(try connection.quoteIdentifier("a\"b"), "\"a\"\"b\"")
    }

    func testSchemaParameterSetsSearchPath() throws {
        let schema = #""Cal ""Prod""""#
        _ = try connection.simpleQuery("CREATE SCHEMA \(schema); CREATE TABLE \(schema).marker (v text); INSERT INTO \(schema).marker VALUES ('here')")
        let url = try Self.cluster.get().url(query: "connection_limit=5&schema=Cal%20%22Prod%22&pool_timeout=0&pgbouncer=true")
        let scoped = PGConnection(url: url)
        try scoped.connect()
        XCTAssertEqual(try scoped.simpleQuery("SHOW search_path").string(0, 0), schema)
        XCTAssertEqual(try scoped.execute(statementID: 0, sql: "SELECT v FROM marker", params: []).string(0, 0), "here")
    }

    func testANewStatementTimeoutIsSetBeforeTheNextStatementOutsideATransaction() throws {
        let show = "SELECT current_setting('statement_timeout')"
        XCTAssertEqual(try connection.simpleQuery(show).string(0, 0), "0")
        connection.statementTimeout = 2.5
        XCTAssertEqual(try connection.simpleQuery(show).string(0, 0), "2500ms")

        // Inside a transaction the change waits (a SET there would be undone by a rollback).
        _ = try connection.simpleQuery("BEGIN")
        connection.statementTimeout = 7
        XCTAssertEqual(try connection.simpleQuery(show).string(0, 0), "2500ms")
        _ = try connection.simpleQuery("ROLLBACK")
        XCTAssertEqual(try connection.simpleQuery(show).string(0, 0), "7s")

        connection.statementTimeout = 0
        XCTAssertEqual(try connection.simpleQuery(show).string(0, 0), "0", "0 goes back to the server's own setting")
    }
}
