import Foundation
import XCTest
@testable import Host

/// Every `example` of the served document validates against the schema it illustrates (a
/// component, a property, a request body or an answer), with no member the schema does not
/// declare; and the examples integrators look for are there.
final class DocumentExamplesTests: XCTestCase {
    func testEveryExampleValidatesAgainstItsSchema() throws {
        let printed = try runCalapi(["openapi"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let document = try JSONParser.parse(Array(printed.stdout.utf8))
        let checker = ResponseSchemaChecker(document: document)
        var checked: [String] = []
        func visit(_ node: JSONValue, at path: String) {
            switch node {
            case .object(let object):
                if let example = object["example"] {
                    // A media object illustrates its `schema`; anything else is a schema illustrating itself.
                    let schema = object["schema"] ?? .object(JSONObject(members: object.members.filter { $0.key != "example" }))
                    let problems = checker.problems(example, schema).map(\.text)
                    XCTAssertEqual(problems, [], path)
                    checked.append(path)
                }
                for (key, value) in object.members where key != "example" && key != "examples" { visit(value, at: "\(path)/\(key)") }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, at: "\(path)/\(index)") }
            default: break
            }
        }
        visit(document, at: "#")

        let expected = [
            "#/components/schemas/Booking", "#/components/schemas/CreatedBooking", "#/components/schemas/EventType",
            "#/components/schemas/User", "#/components/schemas/ErrorMessage", "#/components/schemas/TimeZone",
            "#/paths//bookings/post/requestBody/content/application~1json",
            "#/paths//bookings/post/responses/200/content/application~1json",
            "#/paths//bookings/post/responses/400/content/application~1json",
            "#/paths//bookings/{id}/get/responses/200/content/application~1json",
            "#/paths//event-types/post/requestBody/content/application~1json",
            "#/paths//event-types/post/responses/200/content/application~1json",
            "#/paths//event-types/{id}/get/responses/404/content/application~1json",
        ]
        for path in expected {
            XCTAssertTrue(checked.contains(path.replacingOccurrences(of: "~1", with: "/")), "no example at \(path)")
        }
        XCTAssertGreaterThan(checked.count, 300)
    }

    /// The composed answer of `POST /event-types`: the component's example in its envelope, with the create's message.
    func testAnswersShowTheirComponentsExamples() throws {
        let printed = try runCalapi(["openapi"], environment: ["DATABASE_URL": "postgresql://127.0.0.1:1/none"])
        let document = try JSONParser.parse(Array(printed.stdout.utf8))
        let media = document["paths"]?["/event-types"]?["post"]?["responses"]?["200"]?["content"]?["application/json"]
        XCTAssertEqual(media?["example"]?["message"], "Event type created successfully")
        XCTAssertEqual(media?["example"]?["event_type"], document["components"]?["schemas"]?["EventType"]?["example"])
        let refusal = document["paths"]?["/bookings"]?["post"]?["responses"]?["400"]?["content"]?["application/json"]
        XCTAssertEqual(refusal?["example"]?["message"], "no_available_users_found_error")
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}
