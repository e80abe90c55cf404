import XCTest
@testable import Host

/// Objects: required and optional properties, strict and non-strict unknown keys, nested paths
/// and the order of issues.
final class SchemaObjectTests: XCTestCase {
    private let event: JSONValue = [
        "type": "object",
        "required": ["title", "hosts"],
        "properties": [
            "title": ["type": "string", "minLength": 1],
            "length": ["type": "integer", "minimum": 1],
            "hosts": [
                "type": "array",
                "items": [
                    "type": "object",
                    "required": ["userId"],
                    "properties": ["userId": ["type": "integer"], "isFixed": ["type": "boolean"]],
                    "additionalProperties": false,
                ],
            ],
        ],
        "additionalProperties": false,
    ]

    func testValidObject() throws {
        XCTAssertEqual(try validationIssues(event, ["title": "Call", "hosts": [["userId": 1, "isFixed": true]]]), [])
    }

    func testMissingRequiredProperties() throws {
        XCTAssertEqual(try validationIssues(event, [:]), [
            issue("invalid_type", ["title"], "Required"),
            issue("invalid_type", ["hosts"], "Required"),
        ])
    }

    func testOptionalPropertiesMayBeAbsentButNotNull() throws {
        XCTAssertEqual(try validationIssues(event, ["title": "a", "hosts": [], "length": .null]),
                       [issue("invalid_type", ["length"], "Expected number, received null")])
    }

    func testNestedPathsAndIssueOrder() throws {
        // Issues follow the schema's property order, then unknown keys; not the body's order.
        let body: JSONValue = ["zzz": 1, "hosts": [["userId": 1], ["userId": "2", "extra": true]], "title": "", "aaa": 2]
        let issues = try validationIssues(event, body)
        XCTAssertEqual(issues, [
            issue("too_small", ["title"], "String must contain at least 1 character(s)"),
            issue("invalid_type", ["hosts", 1, "userId"], "Expected number, received string"),
            issue("unrecognized_keys", ["hosts", 1], "Unrecognized key(s) in object: 'extra'"),
            issue("unrecognized_keys", [], "Unrecognized key(s) in object: 'zzz', 'aaa'"),
        ])
        XCTAssertEqual(issues.zodMessage, "too_small in 'title': String must contain at least 1 character(s); "
            + "invalid_type in 'hosts,1,userId': Expected number, received string; "
            + "Unrecognized key(s) in object: 'extra'; Unrecognized key(s) in object: 'zzz', 'aaa'")
    }

    func testNonStrictObjectsKeepUnknownKeys() throws {
        let schema = try JSONSchema.compile(["type": "object", "properties": ["a": ["type": "integer"]]])
        let body: JSONValue = ["a": 1, "b": ["anything": true]]
        let outcome = schema.validate(body)
        XCTAssertEqual(outcome.issues, [])
        XCTAssertEqual(outcome.value, body)
        let explicit = try JSONSchema.compile(["type": "object", "additionalProperties": true])
        XCTAssertEqual(explicit.validate(body).issues, [])
    }

    func testAdditionalPropertiesSchemaValidatesEachUnknownValue() throws {
        let schema: JSONValue = ["type": "object", "properties": ["id": ["type": "integer"]],
                                 "additionalProperties": ["type": "string"]]
        XCTAssertEqual(try validationIssues(schema, ["id": 1, "a": "x", "b": "y"]), [])
        XCTAssertEqual(try validationIssues(schema, ["id": 1, "a": 2, "b": "y", "c": true]), [
            issue("invalid_type", ["a"], "Expected string, received number"),
            issue("invalid_type", ["c"], "Expected string, received boolean"),
        ])
    }

    func testWholeBodyNullOrAbsent() throws {
        XCTAssertEqual(try validationIssues(event, .null), [issue("invalid_type", [], "Expected object, received null")])
        XCTAssertEqual(try validationIssues(event, nil as JSONValue?), [issue("invalid_type", [], "Required")])
        XCTAssertEqual(try validationIssues(event, .null).zodMessage, "Expected object, received null")
    }

    func testPropertiesApplyOnlyToObjects() throws {
        XCTAssertEqual(try validationIssues(["properties": ["a": ["type": "string"]]], [1]), [])
    }
}
