import XCTest
@testable import Host

/// Compiles `schema` and validates `value` with it (shared by the schema test files).
func validationIssues(_ schema: JSONValue, _ value: JSONValue?, coerceStrings: Bool = false) throws -> [ValidationIssue] {
    try JSONSchema.compile(schema).validate(value, coerceStrings: coerceStrings).issues
}

/// Shorthand for an expected issue; `path` mixes strings (keys) and integers (indexes).
func issue(_ code: String, _ path: [Any] = [], _ message: String) -> ValidationIssue {
    ValidationIssue(code: code, path: path.map { ($0 as? Int).map(PathComponent.index) ?? .key("\($0)") }, message: message)
}

/// One keyword at a time: what passes, and the exact zod code and message of what fails.
final class SchemaKeywordTests: XCTestCase {
    func testTypeMismatchMessagesUseZodNames() throws {
        let cases: [(String, JSONValue, String)] = [
            ("string", 1, "Expected string, received number"),
            ("string", .null, "Expected string, received null"),
            ("number", "1", "Expected number, received string"),
            ("integer", true, "Expected number, received boolean"),
            ("boolean", [], "Expected boolean, received array"),
            ("object", [1], "Expected object, received array"),
            ("object", .null, "Expected object, received null"),
            ("array", [:], "Expected array, received object"),
            ("null", 0, "Expected null, received number"),
        ]
        for (type, value, message) in cases {
            XCTAssertEqual(try validationIssues(["type": .string(type)], value), [issue("invalid_type", [], message)], type)
        }
        XCTAssertEqual(try validationIssues(["type": "string"], "x"), [])
        XCTAssertEqual(try validationIssues(["type": "number"], 1.5), [])
        XCTAssertEqual(try validationIssues(["type": "number"], 2), [])
        XCTAssertEqual(try validationIssues(["type": "null"], .null), [])
    }

    func testAbsentValueIsRequired() throws {
        XCTAssertEqual(try validationIssues(["type": "object"], nil as JSONValue?), [issue("invalid_type", [], "Required")])
    }

    func testIntegers() throws {
        XCTAssertEqual(try validationIssues(["type": "integer"], 3), [])
        XCTAssertEqual(try validationIssues(["type": "integer"], 1.5), [issue("invalid_type", [], "Expected integer, received float")])
        let schema = try JSONSchema.compile(["type": "integer"])
        // An integral double is an integer in JavaScript, and handed on as `.int`.
        let outcome = schema.validate(.double(4))
        XCTAssertEqual(outcome.issues, [])
        XCTAssertEqual(outcome.value, .int(4))
        XCTAssertEqual(try JSONSchema.compile(["type": "number"]).validate(.double(4)).value, .double(4))
        // Number.isInteger(1e300) is true in JavaScript; such a value stays a double.
        XCTAssertEqual(schema.validate(.double(1e300)).issues, [])
        XCTAssertEqual(schema.validate(.double(1e300)).value, .double(1e300))
    }

    func testNullableAndNullInTypeList() throws {
        XCTAssertEqual(try validationIssues(["type": "string", "nullable": true], .null), [])
        XCTAssertEqual(try validationIssues(["type": ["string", "null"]], .null), [])
        XCTAssertEqual(try validationIssues(["type": ["string", "null"]], 1), [issue("invalid_type", [], "Expected string, received number")])
        XCTAssertEqual(try validationIssues(["type": "string", "nullable": false], .null), [issue("invalid_type", [], "Expected string, received null")])
    }

    func testSeveralTypesBehaveLikeAUnion() throws {
        let issues = try validationIssues(["type": ["string", "integer", "number"]], true)
        XCTAssertEqual(issues.map(\.code), ["invalid_union"])
        XCTAssertEqual(issues.first?.message, "Invalid input")
        XCTAssertEqual(issues.first?.unionIssues, [[issue("invalid_type", [], "Expected string, received boolean")],
                                                   [issue("invalid_type", [], "Expected number, received boolean")]])
        XCTAssertEqual(issues.zodMessage, "Expected string, received boolean; Expected number, received boolean")
    }

    func testStringEnumLikeNativeEnum() throws {
        let schema: JSONValue = ["type": "string", "enum": ["Monday", "Tuesday"]]
        XCTAssertEqual(try validationIssues(schema, "Monday"), [])
        XCTAssertEqual(try validationIssues(schema, "funday"),
                       [issue("invalid_enum_value", [], "Invalid enum value. Expected 'Monday' | 'Tuesday', received 'funday'")])
        XCTAssertEqual(try validationIssues(schema, "monday").first?.code, "invalid_enum_value")
        XCTAssertEqual(try validationIssues(schema, 5),
                       [issue("invalid_enum_value", [], "Invalid enum value. Expected 'Monday' | 'Tuesday', received '5'")])
        XCTAssertEqual(try validationIssues(schema, true),
                       [issue("invalid_type", [], "Expected 'Monday' | 'Tuesday', received boolean")])
        XCTAssertEqual(try validationIssues(schema, .null), [issue("invalid_type", [], "Expected 'Monday' | 'Tuesday', received null")])
    }

    func testNumericEnumLikeNativeEnum() throws {
        let schema: JSONValue = ["enum": [12, 24]]
        XCTAssertEqual(try validationIssues(schema, 12), [])
        XCTAssertEqual(try validationIssues(schema, 24.0), [])
        XCTAssertEqual(try validationIssues(schema, 13), [issue("invalid_enum_value", [], "Invalid enum value. Expected 12 | 24, received '13'")])
        XCTAssertEqual(try validationIssues(schema, "12"), [issue("invalid_enum_value", [], "Invalid enum value. Expected 12 | 24, received '12'")])
        XCTAssertEqual(try validationIssues(schema, 12.5), [issue("invalid_enum_value", [], "Invalid enum value. Expected 12 | 24, received '12.5'")])
    }

    func testEnumWithNull() throws {
        let schema: JSONValue = ["enum": ["dark", "light", .null]]
        XCTAssertEqual(try validationIssues(schema, .null), [])
        XCTAssertEqual(try validationIssues(schema, "dim").first?.message, "Invalid enum value. Expected 'dark' | 'light', received 'dim'")
    }

    func testConst() throws {
        XCTAssertEqual(try validationIssues(["const": "x"], "x"), [])
        XCTAssertEqual(try validationIssues(["const": "x"], "y"), [issue("invalid_literal", [], #"Invalid literal value, expected "x""#)])
        XCTAssertEqual(try validationIssues(["const": 12], 12.0), [])
        XCTAssertEqual(try validationIssues(["const": 12], "12"), [issue("invalid_literal", [], "Invalid literal value, expected 12")])
        XCTAssertEqual(try validationIssues(["const": ["a": 1, "b": [true]]], ["b": [true], "a": 1.0]), [])
        XCTAssertEqual(try validationIssues(["const": .null], .null), [])
    }

    func testStringLengthsCountUTF16() throws {
        let schema: JSONValue = ["type": "string", "minLength": 4, "maxLength": 9]
        XCTAssertEqual(try validationIssues(schema, "abcd"), [])
        XCTAssertEqual(try validationIssues(schema, "abcdefghi"), [])
        XCTAssertEqual(try validationIssues(schema, "abc"), [issue("too_small", [], "String must contain at least 4 character(s)")])
        XCTAssertEqual(try validationIssues(schema, "abcdefghij"), [issue("too_big", [], "String must contain at most 9 character(s)")])
        // Two emoji are four UTF-16 code units, as JavaScript's length counts.
        XCTAssertEqual(try validationIssues(schema, "😀😀"), [])
        XCTAssertEqual(try validationIssues(["type": "string", "maxLength": 1], "😀"),
                       [issue("too_big", [], "String must contain at most 1 character(s)")])
        XCTAssertEqual(try validationIssues(["type": "string", "maxLength": 1], "é"), [])
    }

    func testNumericBounds() throws {
        XCTAssertEqual(try validationIssues(["minimum": 1], 1), [])
        XCTAssertEqual(try validationIssues(["minimum": 1], 0), [issue("too_small", [], "Number must be greater than or equal to 1")])
        XCTAssertEqual(try validationIssues(["exclusiveMinimum": 0], 0), [issue("too_small", [], "Number must be greater than 0")])
        XCTAssertEqual(try validationIssues(["exclusiveMinimum": 0], 0.001), [])
        XCTAssertEqual(try validationIssues(["maximum": 254], 255), [issue("too_big", [], "Number must be less than or equal to 254")])
        XCTAssertEqual(try validationIssues(["maximum": 254], 254), [])
        XCTAssertEqual(try validationIssues(["exclusiveMaximum": 1.5], 1.5), [issue("too_big", [], "Number must be less than 1.5")])
        XCTAssertEqual(try validationIssues(["minimum": 0.5, "type": "number"], -1e21),
                       [issue("too_small", [], "Number must be greater than or equal to 0.5")])
        // Bounds do not apply to other types (JSON Schema semantics).
        XCTAssertEqual(try validationIssues(["minimum": 1], "0"), [])
    }

    func testIntegerAndBoundIssuesAccumulate() throws {
        XCTAssertEqual(try validationIssues(["type": "integer", "minimum": 1], 0.5), [
            issue("invalid_type", [], "Expected integer, received float"),
            issue("too_small", [], "Number must be greater than or equal to 1"),
        ])
    }

    func testArrays() throws {
        let schema: JSONValue = ["type": "array", "items": ["type": "integer"], "minItems": 1, "maxItems": 2]
        XCTAssertEqual(try validationIssues(schema, [1, 2]), [])
        XCTAssertEqual(try validationIssues(schema, []), [issue("too_small", [], "Array must contain at least 1 element(s)")])
        XCTAssertEqual(try validationIssues(schema, [1, 2, 3]), [issue("too_big", [], "Array must contain at most 2 element(s)")])
        XCTAssertEqual(try validationIssues(schema, [1, "2", 3.5]), [
            issue("too_big", [], "Array must contain at most 2 element(s)"),
            issue("invalid_type", [1], "Expected number, received string"),
            issue("invalid_type", [2], "Expected integer, received float"),
        ])
    }

    func testPatternIsUnanchoredLikeRegExpTest() throws {
        XCTAssertEqual(try validationIssues(["pattern": "^#"], "#fff"), [])
        XCTAssertEqual(try validationIssues(["pattern": "^#"], "fff"), [issue("invalid_string", [], "Invalid")])
        XCTAssertEqual(try validationIssues(["pattern": "\\d+"], "abc123"), [])
    }

    func testCustomMessageReplacesMessagesButKeepsCodes() throws {
        let schema: JSONValue = ["type": "object", "properties": [
            "id": ["type": "number", "exclusiveMinimum": 0, "x-message": "Invalid input"],
        ], "required": ["id"]]
        XCTAssertEqual(try validationIssues(schema, ["id": 0]), [issue("too_small", ["id"], "Invalid input")])
        XCTAssertEqual(try validationIssues(schema, ["id": "a"]), [issue("invalid_type", ["id"], "Invalid input")])
        XCTAssertEqual(try validationIssues(schema, [:]), [issue("invalid_type", ["id"], "Invalid input")])
        XCTAssertEqual(try validationIssues(schema, ["id": 1]), [])
    }
}
