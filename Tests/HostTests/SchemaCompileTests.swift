import XCTest
@testable import Host

/// Compile-time refusals: each names the JSON Pointer of the offending keyword.
final class SchemaCompileTests: XCTestCase {
    private func assertRefused(_ schema: JSONValue, pointer: String, message: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONSchema.compile(schema), file: file, line: line) { error in
            XCTAssertEqual(error as? SchemaError, SchemaError(pointer: pointer, message: message), file: file, line: line)
        }
    }

    func testUnsupportedKeywordsNameTheirPointer() {
        assertRefused(["type": "object", "if": [:]], pointer: "/if", message: #"unsupported keyword "if""#)
        assertRefused(["properties": ["hosts": ["items": ["properties": ["userId": ["$ref": "#/x"]]]]]],
                      pointer: "/properties/hosts/items/properties/userId/$ref", message: #"unsupported keyword "$ref""#)
        assertRefused(["anyOf": [["type": "string"], ["type": "array", "uniqueItems": true]]],
                      pointer: "/anyOf/1/uniqueItems", message: #"unsupported keyword "uniqueItems""#)
        assertRefused(["additionalProperties": ["multipleOf": 2]], pointer: "/additionalProperties/multipleOf",
                      message: #"unsupported keyword "multipleOf""#)
    }

    func testPointerTokensAreEscaped() {
        assertRefused(["properties": ["a/b~c": ["allOf": []]]], pointer: "/properties/a~1b~0c/allOf",
                      message: #"unsupported keyword "allOf""#)
    }

    func testAnnotationsAreIgnored() throws {
        let schema = try JSONSchema.compile([
            "title": "User", "description": "d", "example": ["a": 1], "examples": [1], "default": 3,
            "deprecated": false, "readOnly": true, "writeOnly": false, "$comment": "c", "type": "integer",
        ])
        XCTAssertTrue(schema.validate(.int(3)).issues.isEmpty)
    }

    func testBadKeywordValues() {
        assertRefused("string", pointer: "", message: "a schema must be an object")
        assertRefused(["type": "text"], pointer: "/type", message: #"unknown type "text""#)
        assertRefused(["type": ["string", 1]], pointer: "/type/1", message: "a type name must be a string")
        assertRefused(["type": ["string", "date"]], pointer: "/type/1", message: #"unknown type "date""#)
        assertRefused(["type": []], pointer: "/type", message: #""type" must be a type name or a non-empty array of type names"#)
        assertRefused(["nullable": "yes"], pointer: "/nullable", message: "must be a boolean")
        assertRefused(["enum": "a"], pointer: "/enum", message: #""enum" must be an array"#)
        assertRefused(["enum": ["a", true]], pointer: "/enum/1", message: "enum values must be strings, numbers or null")
        assertRefused(["enum": [.null]], pointer: "/enum", message: #""enum" must list at least one string or number"#)
        assertRefused(["properties": []], pointer: "/properties", message: #""properties" must be an object"#)
        assertRefused(["properties": ["a": true]], pointer: "/properties/a", message: "a schema must be an object")
        assertRefused(["required": ["a", 2]], pointer: "/required/1", message: "must be a string")
        assertRefused(["required": "a"], pointer: "/required", message: "must be an array of strings")
        assertRefused(["additionalProperties": "no"], pointer: "/additionalProperties",
                      message: #""additionalProperties" must be a boolean or a schema"#)
        assertRefused(["minimum": "1"], pointer: "/minimum", message: "must be a number")
        assertRefused(["exclusiveMinimum": true], pointer: "/exclusiveMinimum",
                      message: "must be a number (the boolean form of draft 4 is not supported)")
        assertRefused(["minLength": -1], pointer: "/minLength", message: "must be a non-negative integer")
        assertRefused(["maxItems": 1.5], pointer: "/maxItems", message: "must be a non-negative integer")
        assertRefused(["pattern": 1], pointer: "/pattern", message: #""pattern" must be a string"#)
        assertRefused(["format": "uuid"], pointer: "/format", message: #"unsupported format "uuid""#)
        assertRefused(["items": [["type": "string"]]], pointer: "/items",
                      message: #""items" must be a schema (tuple form is not supported)"#)
        assertRefused(["anyOf": []], pointer: "/anyOf", message: #""anyOf" must be a non-empty array of schemas"#)
        assertRefused(["oneOf": [1]], pointer: "/oneOf/0", message: "a schema must be an object")
        assertRefused(["anyOf": [[:]], "oneOf": [[:]]], pointer: "/oneOf", message: #""anyOf" and "oneOf" cannot be combined"#)
        assertRefused(["x-message": 3], pointer: "/x-message", message: #""x-message" must be a string"#)
        assertRefused(["x-coerce": "octal"], pointer: "/x-coerce", message: #""x-coerce" must be "number", "parseInt" or "digits""#)
    }

    func testBadPatterns() {
        assertRefused(["properties": ["brandColor": ["pattern": "(#"]]], pointer: "/properties/brandColor/pattern",
                      message: "invalid pattern: unterminated group at offset 0")
        assertRefused(["pattern": "a)"], pointer: "/pattern", message: "invalid pattern: unmatched ')' at offset 1")
        assertRefused(["pattern": "[a"], pointer: "/pattern", message: "invalid pattern: unterminated character class at offset 0")
        assertRefused(["pattern": "*a"], pointer: "/pattern", message: "invalid pattern: nothing to repeat at offset 0")
        assertRefused(["pattern": "a{2}{3}"], pointer: "/pattern", message: "invalid pattern: nothing to repeat at offset 4")
        assertRefused(["pattern": "(a)\\1"], pointer: "/pattern", message: "invalid pattern: backreferences are not supported at offset 3")
        assertRefused(["pattern": "(?<=a)b"], pointer: "/pattern", message: "invalid pattern: lookbehind assertions are not supported at offset 0")
        assertRefused(["pattern": "[z-a]"], pointer: "/pattern", message: "invalid pattern: range out of order in character class at offset 3")
        assertRefused(["pattern": "a{3,1}"], pointer: "/pattern", message: "invalid pattern: numbers out of order in {} quantifier at offset 1")
        assertRefused(["pattern": "a\\"], pointer: "/pattern", message: "invalid pattern: \\ at end of pattern at offset 1")
        assertRefused(["pattern": "(?x)"], pointer: "/pattern", message: "invalid pattern: invalid group at offset 0")
        assertRefused(["pattern": "(a{1000}){1000}"], pointer: "/pattern", message: "invalid pattern: pattern is too large at offset 0")
    }

    func testRequiredWithoutPropertySchemaStillRequiresTheKey() throws {
        let schema = try JSONSchema.compile(["type": "object", "required": ["id"]])
        XCTAssertEqual(schema.validate(["id": [1, 2]]).issues, [])
        XCTAssertEqual(schema.validate([:]).issues, [ValidationIssue(code: "invalid_type", path: [.key("id")], message: "Required")])
    }
}
