import XCTest
@testable import Host

/// The checker behind `DocumentedResponses` finds what it must (so the end-to-end check can fail).
final class ResponseSchemaCheckerTests: XCTestCase {
    let checker = ResponseSchemaChecker(document: [
        "components": ["schemas": [
            "User": ["type": "object", "required": ["id"], "properties": [
                "id": ["type": "integer"], "name": ["type": "string", "nullable": true],
                "createdDate": ["type": "string", "format": "date-time"], "role": ["type": "string", "enum": ["USER", "ADMIN"]],
            ]],
            "ErrorMessage": ["type": "object", "required": ["message"], "properties": ["message": ["type": "string"]]],
            "AuthError": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"]]],
        ]],
    ])
    let users: JSONValue = ["type": "object", "properties": ["users": ["type": "array", "items": ["$ref": "#/components/schemas/User"]]]]

    func texts(_ value: JSONValue, _ schema: JSONValue) -> [String] { checker.problems(value, schema).map(\.text) }

    func testConformingValuesPass() {
        XCTAssertEqual(texts(["users": [["id": 1, "name": .null, "createdDate": "2024-05-01T10:00:00.000Z", "role": "ADMIN"]]], users), [])
        XCTAssertEqual(texts(["id": 2.0], ["$ref": "#/components/schemas/User"]), [], "a whole double is an integer")
    }

    func testBreachesNameTheirPlace() {
        XCTAssertEqual(texts(["users": [["id": 1], ["id": "2", "name": 3]]], users),
                       ["$.users[1].id: expected integer, got the string \"2\"", "$.users[1].name: expected string, got a number"])
        XCTAssertEqual(texts(["users": [["name": "x", "role": "ROOT", "createdDate": "2024-05-01"]]], users),
                       ["$.users[0].id: required but absent", "$.users[0].role: the string \"ROOT\" is not one of [\"USER\",\"ADMIN\"]",
                        "$.users[0].createdDate: \"2024-05-01\" is not a date-time"])
        XCTAssertEqual(texts(["id": .null], ["$ref": "#/components/schemas/Nope"]), ["$: unresolvable $ref #/components/schemas/Nope"])
        XCTAssertEqual(texts(["a": 1, "b": 2], ["type": "object", "properties": ["a": [:]], "additionalProperties": false]),
                       ["$.b: not allowed (additionalProperties is false)"])
    }

    func testUnionsAndUndeclaredMembers() {
        let either: JSONValue = ["anyOf": [["$ref": "#/components/schemas/ErrorMessage"], ["$ref": "#/components/schemas/AuthError"]]]
        XCTAssertEqual(texts(["error": "Your apiKey is not valid"], either), [])
        XCTAssertEqual(texts(["message": "Not found"], either), [])
        XCTAssertEqual(texts(["msg": "x"], either), ["$: matches none of its anyOf (an object)"])
        let undeclared = checker.problems(["message": "No", "reason": "busy"], ["$ref": "#/components/schemas/ErrorMessage"])
        XCTAssertEqual(undeclared, [ResponseSchemaChecker.Problem(text: "$.reason: not a documented property", undocumented: true)])
        XCTAssertEqual(texts(["message": "x", "error": "y"], ["oneOf": either.objectMembers]), ["$: matches 2 of its oneOf"])
    }
}

private extension JSONValue {
    /// The `anyOf` array of a union, reused as a `oneOf`.
    var objectMembers: JSONValue {
        if case .object(let object) = self, let options = object["anyOf"] { return options }
        return .null
    }
}
