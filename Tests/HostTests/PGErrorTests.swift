import XCTest
@testable import Host

/// Classification of PostgreSQL's failures into `DatabaseError.Kind`.
final class PGErrorTests: XCTestCase {
    private static var cluster: Result<PGTestCluster, Error>!
    private var connection: PGConnection!

    override class func setUp() {
        cluster = Result {
            let cluster = try PGTestCluster()
            let setup = PGConnection(url: cluster.url())
            _ = try setup.simpleQuery("""
                CREATE TABLE team (id int PRIMARY KEY, slug text CONSTRAINT team_slug_key UNIQUE);
                CREATE TABLE member (id int PRIMARY KEY, "teamId" int NOT NULL CONSTRAINT member_team_fkey REFERENCES team (id),
                                     age int CONSTRAINT member_age_check CHECK (age >= 0));
                INSERT INTO team VALUES (1, 'one');
                """)
            setup.close()
            return cluster
        }
    }

    override class func tearDown() {
        try? cluster.get().destroy()
    }

    override func setUpWithError() throws {
        connection = PGConnection(url: try Self.cluster.get().url())
    }

    /// The error of a statement expected to fail; each distinct `sql` of a test needs its own `id`.
    private func failure(_ sql: String, _ params: [PGParam] = [], id: Int = 0) -> DatabaseError? {
        do {
            _ = try connection.execute(statementID: id, sql: sql, params: params)
            XCTFail("\(sql) succeeded")
            return nil
        } catch {
            return error as? DatabaseError
        }
    }

    func testUniqueViolationNamesTheConstraint() {
        let error = failure("INSERT INTO team VALUES ($1, $2)", [.int(2), .text("one")])
        XCTAssertEqual(error?.kind, .uniqueViolation)
        XCTAssertEqual(error?.sqlState, "23505")
        XCTAssertEqual(error?.constraint, "team_slug_key")
        XCTAssertEqual(error?.message, "duplicate key value violates unique constraint \"team_slug_key\"")
    }

    func testForeignKeyViolationNamesTheConstraint() {
        let error = failure("INSERT INTO member VALUES ($1, $2, 1)", [.int(1), .int(99)])
        XCTAssertEqual(error?.kind, .foreignKeyViolation)
        XCTAssertEqual(error?.sqlState, "23503")
        XCTAssertEqual(error?.constraint, "member_team_fkey")
    }

    func testNotNullAndCheckViolations() {
        let missing = failure("INSERT INTO member VALUES ($1, $2, 1)", [.int(1), .null])
        XCTAssertEqual(missing?.kind, .notNullViolation)
        XCTAssertEqual(missing?.sqlState, "23502")
        let negative = failure("INSERT INTO member VALUES ($1, $2, $3)", [.int(1), .int(1), .int(-1)], id: 1)
        XCTAssertEqual(negative?.kind, .checkViolation)
        XCTAssertEqual(negative?.constraint, "member_age_check")
    }

    func testInvalidInputIsClassTwentyTwo() {
        let literal = failure("SELECT 'abc'::int")
        XCTAssertEqual(literal?.kind, .invalidInput)
        XCTAssertEqual(literal?.sqlState, "22P02")
        let parameter = failure("SELECT $1::int", [.text("abc")], id: 1)
        XCTAssertEqual(parameter?.kind, .invalidInput)
        XCTAssertEqual(failure("SELECT 1 / $1::int", [.int(0)], id: 2)?.kind, .invalidInput)
    }

    func testOtherErrorsAndRecoveryOnTheSameConnection() throws {
        let error = failure("SELECT * FROM no_such_table")
        XCTAssertEqual(error?.kind, .other)
        XCTAssertEqual(error?.sqlState, "42P01")
        XCTAssertEqual(try connection.execute(statementID: 1, sql: "SELECT 1", params: []).int64(0, 0), 1)
        XCTAssertTrue(connection.isConnected)
    }

    func testRefusedConnectionIsUnavailableAtOnce() throws {
        let nobody = PGConnection(url: "postgresql://postgres@127.0.0.1:\(try PGTestCluster.freePort())/postgres")
        let start = Date()
        XCTAssertThrowsError(try nobody.connect()) { error in
            XCTAssertEqual((error as? DatabaseError)?.kind, .unavailable)
            XCTAssertTrue((error as? DatabaseError)?.message.contains("Connection refused") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try nobody.execute(statementID: 0, sql: "SELECT 1", params: [])) { error in
            XCTAssertEqual((error as? DatabaseError)?.kind, .unavailable)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        XCTAssertFalse(nobody.isConnected)
    }

    func testMalformedURLIsUnavailableWithoutThePassword() {
        let bad = PGConnection(url: "postgresql://user:secret@127.0.0.1:99999999/db")
        XCTAssertThrowsError(try bad.connect()) { error in
            let error = error as? DatabaseError
            XCTAssertEqual(error?.kind, .unavailable)
            XCTAssertFalse(error?.description.contains("secret") ?? true)
        }
        let unknown = PGConnection(url: "postgresql://127.0.0.1/db?frobnicate=1")
        XCTAssertThrowsError(try unknown.connect()) { error in
            XCTAssertEqual((error as? DatabaseError)?.message, "invalid database URL: invalid URI query parameter: \"frobnicate\"")
        }
    }

    func testKindFromSQLState() {
        XCTAssertEqual(DatabaseError.Kind(sqlState: "08006"), .unavailable)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "57P01"), .unavailable)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "57P03"), .unavailable)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "57014"), .cancelled)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "22001"), .invalidInput)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "23514"), .checkViolation)
        XCTAssertEqual(DatabaseError.Kind(sqlState: "23000"), .other)
    }
}
