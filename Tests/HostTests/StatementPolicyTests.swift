import XCTest
@testable import Host

/// The lexical first refusal of plugin statements (the database role is the boundary; see
/// `DatabaseBoundaryTests`).
final class StatementPolicyTests: XCTestCase {
    private func refusal(_ sql: String, writes: Bool = false) -> String? {
        StatementPolicy.violation(in: sql, declaredWrites: writes)
    }

    func testSensitiveNamesAreRefused() {
        XCTAssertEqual(refusal(#"SELECT count(*) FROM "ApiKey""#), #"it names "ApiKey", which calapi never exposes"#)
        XCTAssertEqual(refusal(#"SELECT u."twoFactorSecret" FROM users u"#), #"it names "twoFactorSecret", which calapi never exposes"#)
        XCTAssertEqual(refusal(#"SELECT * FROM calapi_api_key_lookup($1)"#), "it names calapi_api_key_lookup, which calapi never exposes")
    }

    /// The issue's vectors that read secrets past the old check.
    func testUnicodeEscapedNamesAreRefused() {
        XCTAssertEqual(refusal(#"SELECT U&"hashed\004Bey" FROM U&"Api\004Bey""#), "it uses a U& (Unicode-escaped) identifier or string")
        XCTAssertEqual(refusal(#"SELECT * FROM u&"\0041piKey""#), "it uses a U& (Unicode-escaped) identifier or string")
        XCTAssertEqual(refusal("SELECT u&'x'"), "it uses a U& (Unicode-escaped) identifier or string")
        XCTAssertNil(refusal("SELECT u & 1 FROM (SELECT 3 AS u) t"), "a bitwise and is no escape")
    }

    func testFunctionsThatRunSQLTextAreRefused() {
        XCTAssertEqual(refusal(#"SELECT query_to_xml('SELECT "hashedKey" FROM "ApiKey"', true, false, '')::text"#),
                       "it uses query_to_xml, which runs SQL text or changes the session")
        XCTAssertEqual(refusal("SELECT schema_to_xml('public', true, false, '')"),
                       "it uses schema_to_xml, which runs SQL text or changes the session")
        XCTAssertEqual(refusal("SELECT pg_catalog.table_to_xml_and_xmlschema('x'::regclass, true, false, '')"),
                       "it uses table_to_xml_and_xmlschema, which runs SQL text or changes the session")
        XCTAssertEqual(refusal("SELECT * FROM ts_stat('SELECT 1')"), "it uses ts_stat, which runs SQL text or changes the session")
        XCTAssertEqual(refusal("SELECT * FROM dblink('dbname=x', 'SELECT 1') AS t(a int)"),
                       "it uses dblink, which runs SQL text or changes the session")
    }

    func testSessionChangesAreRefused() {
        XCTAssertEqual(refusal("SELECT set_config('search_path', 'elsewhere', false)"),
                       "it uses set_config, which runs SQL text or changes the session")
        XCTAssertEqual(refusal("SELECT id INTO TEMP users FROM users"), "it uses temp, which runs SQL text or changes the session")
    }

    func testOrdinaryStatementsPass() {
        XCTAssertNil(refusal(#"SELECT row_to_json(p) FROM (SELECT u.id, u.email FROM users u WHERE u.id = $1) p"#))
        XCTAssertNil(refusal(#"INSERT INTO "Booking" (uid, "oneTimePassword") VALUES ($1, gen_random_uuid()::text)"#, writes: true))
        XCTAssertNil(refusal("SELECT 'query_to_xml and U&\"x\" inside a string' AS text"))
    }
}
