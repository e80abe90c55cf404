import XCTest
@testable import Host

/// Prisma-style URLs turned into libpq parameters (no server needed).
final class PGConnectionStringTests: XCTestCase {
    private func parameters(_ url: String) throws -> [String: String] {
        Dictionary(try PGConnectionString(url).parameters(), uniquingKeysWith: { first, _ in first })
    }

    func testPrismaOnlyParametersAreRemovedAndSchemaKept() throws {
        let target = PGConnectionString(
            "postgresql://cal:pw@db.example:5433/calendso?schema=cal%2Dcom&connection_limit=3&sslmode=disable&pool_timeout=5&pgbouncer=true")
        XCTAssertEqual(target.conninfo, "postgresql://cal:pw@db.example:5433/calendso?sslmode=disable")
        XCTAssertEqual(target.schema, "cal-com")
        let parameters = try parameters(target.conninfo)
        XCTAssertEqual(parameters["host"], "db.example")
        XCTAssertEqual(parameters["port"], "5433")
        XCTAssertEqual(parameters["dbname"], "calendso")
        XCTAssertEqual(parameters["password"], "pw")
        XCTAssertEqual(parameters["sslmode"], "disable")
    }

    func testURLWithOnlyPrismaParametersLosesItsQuery() {
        let target = PGConnectionString("postgres://localhost/db?schema=public")
        XCTAssertEqual(target.conninfo, "postgres://localhost/db")
        XCTAssertEqual(target.schema, "public")
        XCTAssertNil(PGConnectionString("postgres://localhost/db?schema=").schema)
    }

    func testQuestionMarkInPasswordIsNotTheQuery() throws {
        let target = PGConnectionString("postgresql://cal:p?ss@localhost/db?schema=s")
        XCTAssertEqual(target.conninfo, "postgresql://cal:p?ss@localhost/db")
        XCTAssertEqual(try parameters(target.conninfo)["password"], "p?ss")
    }

    func testKeyValueStringsPassUnchanged() throws {
        let target = PGConnectionString("host=/run/postgresql dbname=cal")
        XCTAssertEqual(target.conninfo, "host=/run/postgresql dbname=cal")
        XCTAssertNil(target.schema)
        XCTAssertEqual(try parameters(target.conninfo)["host"], "/run/postgresql")
    }

    func testDefaultsFillOnlyWhatTheURLLeavesOut() throws {
        let plain = try parameters("postgresql://localhost/db")
        XCTAssertEqual(plain["connect_timeout"], "2")
        XCTAssertEqual(plain["keepalives"], "1")
        XCTAssertEqual(plain["application_name"], "calapi")
        XCTAssertEqual(plain["gssencmode"], "disable")
        let own = try parameters("postgresql://localhost/db?connect_timeout=9&application_name=mine&gssencmode=prefer")
        XCTAssertEqual(own["connect_timeout"], "9")
        XCTAssertEqual(own["application_name"], "mine")
        XCTAssertEqual(own["gssencmode"], "prefer")
    }
}
