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

    func testWithoutCoercionStringsStayStrings() throws {
        let outcome = try JSONSchema.compile(query).validate(["id": "12"])
        XCTAssertEqual(outcome.issues, [issue("invalid_type", ["id"], "Expected number, received string")])
        XCTAssertEqual(outcome.value, ["id": "12"])
    }
}
