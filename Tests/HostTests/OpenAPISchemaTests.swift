import XCTest
@testable import Host

/// The OpenAPI 3.0 spelling of validation schemas says what the validator accepts.
final class OpenAPISchemaTests: XCTestCase {
    func testTypeArraysBecomeNullableOrAnyOf() {
        XCTAssertEqual(OpenAPISchema.from(["type": ["string", "null"]]), ["nullable": true, "type": "string"])
        XCTAssertEqual(OpenAPISchema.from(["type": ["integer", "string"]]), ["anyOf": [["type": "integer"], ["type": "string"]]])
    }

    /// OpenAPI 3.0.3: `nullable` does not add null to an `enum`; the validator accepts null there.
    func testANullableEnumListsNull() throws {
        let schema: JSONValue = ["type": "string", "enum": ["ROUND_ROBIN", "COLLECTIVE"], "nullable": true]
        XCTAssertEqual(try JSONSchema.compile(schema).validate(.null).issues.count, 0)
        XCTAssertEqual(OpenAPISchema.from(schema), ["type": "string", "enum": ["ROUND_ROBIN", "COLLECTIVE", .null], "nullable": true])
        XCTAssertEqual(OpenAPISchema.from(["type": ["string", "null"], "enum": ["A"]]), ["enum": ["A", .null], "nullable": true, "type": "string"])
        XCTAssertEqual(OpenAPISchema.from(["type": "string", "enum": ["A"]]), ["type": "string", "enum": ["A"]], "not nullable: unchanged")
    }
}
