import XCTest
@testable import Host

/// Query objects: every value arrives as a string (or an array of strings for a repeated key).
final class SchemaCoercionTests: XCTestCase {
    private let query: JSONValue = [
        "type": "object",
        "properties": [
            "id": ["type": "integer", "minimum": 1],
            "take": ["type": "number"],
            "expand": ["type": "boolean"],
            "slug": ["type": "string"],
            "userId": ["anyOf": [["type": "integer"], ["type": "array", "items": ["type": "integer"]]]],
        ],
    ]

    private func coerced(_ value: JSONValue) throws -> ValidationOutcome {
        try JSONSchema.compile(query).validate(value, coerceStrings: true)
    }

    func testNumbersAndBooleansAreConverted() throws {
        let outcome = try coerced(["id": "12", "take": "2.5", "expand": "true", "slug": "42", "apiKey": "k"])
        XCTAssertEqual(outcome.issues, [])
        XCTAssertEqual(outcome.value, ["id": 12, "take": 2.5, "expand": true, "slug": "42", "apiKey": "k"])
        XCTAssertEqual(try coerced(["expand": "false"]).value, ["expand": false])
    }

    func testNumberConversionFollowsJavaScriptNumber() throws {
        let cases: [(String, JSONValue)] = [
            (" 7 ", 7), ("1e3", 1000), ("0x1F", 31), ("0b101", 5), ("0o17", 15), (".5", 0.5), ("5.", 5),
            ("-3", -3), ("+4", 4), ("1.50", 1.5), ("9007199254740993", 9007199254740992), ("1e20", .double(1e20)), ("-0", 0),
        ]
        for (text, number) in cases {
            XCTAssertEqual(JavaScriptNumber.parse(text), number, text)
        }
        for text in ["", "  ", "abc", "12abc", "1,5", "Infinity", "-Infinity", "NaN", "0x", "-0x5", "1e", "e5", ".", "1..2", "0xG"] {
            XCTAssertNil(JavaScriptNumber.parse(text), text)
        }
    }

    func testNonNumericStringsReceiveNaN() throws {
        XCTAssertEqual(try coerced(["id": "abc"]).issues, [issue("invalid_type", ["id"], "Expected number, received nan")])
        XCTAssertEqual(try coerced(["id": ""]).issues, [issue("invalid_type", ["id"], "Expected number, received nan")])
        XCTAssertEqual(try coerced(["id": "abc"]).issues.zodMessage, "invalid_type in 'id': Expected number, received nan")
    }

    func testConvertedValuesAreStillChecked() throws {
        XCTAssertEqual(try coerced(["id": "0"]).issues, [issue("too_small", ["id"], "Number must be greater than or equal to 1")])
        XCTAssertEqual(try coerced(["id": "1.5"]).issues, [issue("invalid_type", ["id"], "Expected integer, received float")])
        XCTAssertEqual(try coerced(["expand": "yes"]).issues, [issue("invalid_type", ["expand"], "Expected boolean, received string")])
    }

    func testRepeatedKeysArriveAsArrays() throws {
        let outcome = try coerced(["userId": ["1", "2"]])
        XCTAssertEqual(outcome.issues, [])
        XCTAssertEqual(outcome.value, ["userId": [1, 2]])
        XCTAssertEqual(try coerced(["userId": "3"]).value, ["userId": 3])
        // A type failure inside the array alternative is fatal, so zod reports the union.
        XCTAssertEqual(try coerced(["userId": ["1", "x"]]).issues.zodMessage,
                       "invalid_type in 'userId': Expected number, received array; invalid_type in 'userId,1': Expected number, received nan")
    }

    /// `x-coerce` picks the rule of the Cal.com validator a route used for a number in its query.
    func testCoercionRules() throws {
        let schema = try JSONSchema.compile([
            "type": "object",
            "properties": [
                "userId": ["type": "integer", "x-coerce": "parseInt"],
                "teamId": ["type": "integer", "x-coerce": "digits"],
                "id": ["type": "integer", "x-coerce": "number"],
            ],
        ])
        func read(_ key: String, _ text: String) -> ValidationOutcome { schema.validate([key: .string(text)], coerceStrings: true) }
        for (text, number) in [("12abc", 12), (" -7", -7), ("+3.9", 3), ("0x10", 0)] as [(String, JSONValue)] {
            XCTAssertEqual(read("userId", text).value, ["userId": number], text)
        }
        XCTAssertEqual(read("userId", "abc").issues.zodMessage, "custom in 'userId': Not a number")
        XCTAssertEqual(read("teamId", "0042").value, ["teamId": 42])
        XCTAssertEqual(read("teamId", "99999999999999999999").value, ["teamId": .double(1e20)], "beyond 64 bits: JavaScript's double")
        for text in ["0x1", "1e0", "1.0", " 1", "+1", "-1", ""] {
            XCTAssertEqual(read("teamId", text).issues.zodMessage, "invalid_string in 'teamId': Invalid", text)
        }
        XCTAssertEqual(read("id", "0x1F").value, ["id": 31])
        XCTAssertEqual(read("id", "abc").issues.zodMessage, "invalid_type in 'id': Expected number, received nan")
        XCTAssertEqual(schema.validate(["teamId": 7], coerceStrings: true).issues, [], "a value already read passes again unchanged")
    }

    /// A path parameter checked on its own names itself in the issue.
    func testPropertyValidatedAlone() throws {
        let property = try XCTUnwrap(try JSONSchema.compile(query).propertySchema("id"))
        let outcome = property.validate("0x1", coerceStrings: true, at: [.key("id")])
        XCTAssertEqual(outcome.value, 1)
        XCTAssertEqual(property.validate("x", coerceStrings: true, at: [.key("id")]).issues.zodMessage,
                       "invalid_type in 'id': Expected number, received nan")
        XCTAssertNil(try JSONSchema.compile(query).propertySchema("missing"))
    }

    func testWithoutCoercionStringsStayStrings() throws {
        let outcome = try JSONSchema.compile(query).validate(["id": "12"])
        XCTAssertEqual(outcome.issues, [issue("invalid_type", ["id"], "Expected number, received string")])
        XCTAssertEqual(outcome.value, ["id": "12"])
    }
}
