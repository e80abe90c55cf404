import XCTest
@testable import Host

/// anyOf/oneOf follow zod's union: first valid alternative wins; otherwise the first alternative
/// that only failed a refinement reports its issues; otherwise `invalid_union`, whose rendering
/// Cal.com flattens into the alternatives' messages.
final class SchemaUnionTests: XCTestCase {
    private let emails: JSONValue = ["anyOf": [
        ["type": "string", "format": "email"],
        ["type": "array", "items": ["type": "string", "format": "email"]],
    ]]

    func testFirstMatchingAlternativeWins() throws {
        XCTAssertEqual(try validationIssues(emails, "a@b.co"), [])
        XCTAssertEqual(try validationIssues(emails, ["a@b.co", "c@d.org"]), [])
    }

    func testDirtyAlternativeReportsItsOwnIssues() throws {
        XCTAssertEqual(try validationIssues(emails, "not-an-email"), [issue("invalid_string", [], "Invalid")])
        // The array alternative has the right type, so its element issue is reported directly.
        let body: JSONValue = ["type": "object", "properties": ["email": emails]]
        let issues = try validationIssues(body, ["email": ["a@b.co", "bad"]])
        XCTAssertEqual(issues, [issue("invalid_string", ["email", 1], "Invalid")])
        XCTAssertEqual(issues.zodMessage, "invalid_string in 'email,1': Invalid")
    }

    func testNoAlternativeMatchesGivesInvalidUnion() throws {
        let body: JSONValue = ["type": "object", "properties": ["email": emails]]
        let issues = try validationIssues(body, ["email": 5])
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(issues[0].code, "invalid_union")
        XCTAssertEqual(issues[0].path, [.key("email")])
        XCTAssertEqual(issues[0].message, "Invalid input")
        XCTAssertEqual(issues[0].unionIssues, [
            [issue("invalid_type", ["email"], "Expected string, received number")],
            [issue("invalid_type", ["email"], "Expected array, received number")],
        ])
        XCTAssertEqual(issues.zodMessage,
                       "invalid_type in 'email': Expected string, received number; invalid_type in 'email': Expected array, received number")
    }

    func testOneOfBehavesTheSame() throws {
        let schema: JSONValue = ["oneOf": [["type": "integer"], ["type": "string", "pattern": "^\\d+$"]]]
        XCTAssertEqual(try validationIssues(schema, 1), [])
        XCTAssertEqual(try validationIssues(schema, "12"), [])
        XCTAssertEqual(try validationIssues(schema, "1a"), [issue("invalid_string", [], "Invalid")])
    }

    func testAlternativeConversionsAreKept() throws {
        let schema = try JSONSchema.compile(["anyOf": [["type": "integer"], ["type": "array", "items": ["type": "integer"]]]])
        XCTAssertEqual(schema.validate("7", coerceStrings: true).value, .int(7))
        XCTAssertEqual(schema.validate(["1", "2"], coerceStrings: true).value, [1, 2])
    }

    func testNullableUnion() throws {
        let schema: JSONValue = ["nullable": true, "anyOf": [["type": "string"], ["type": "integer"]]]
        XCTAssertEqual(try validationIssues(schema, .null), [])
        XCTAssertEqual(try validationIssues(schema, true).first?.code, "invalid_union")
    }
}
