import XCTest
@testable import Host

/// `/custom-inputs` and `/custom-inputs/{id}` (core.md §6), with the rows checked after each write.
final class CustomInputsTests: APITestCase {
    static let fields: Set<String> = ["id", "eventTypeId", "label", "type", "options", "required", "placeholder"]

    private func input(_ response: HTTPClient.Response) -> [String: Any] {
        response.json["event_type_custom_input"] as? [String: Any] ?? [:]
    }

    private func seedEventType(_ slug: String, user: Account?) throws -> Int64 {
        let rows = try db.query(#"INSERT INTO "EventType" (title, slug, length, "userId") VALUES ($1, $1, 30, $2::int) RETURNING id"#,
                                [.text(slug), user.map { .text(String($0.id)) } ?? .null])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    private func seedInput(_ eventType: Int64, _ label: String, type: String = "text") throws -> Int64 {
        let rows = try db.query(#"""
            INSERT INTO "EventTypeCustomInput" ("eventTypeId", label, type, required) VALUES ($1::int, $2, $3::"EventTypeCustomInputType", false) RETURNING id
            """#, [.text(String(eventType)), .text(label), .text(type)])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    func testCreateOnAnOwnEventTypeMapsTheTypeEnum() throws {
        let alice = try seedUser("alice")
        let eventType = try seedEventType("intro", user: alice)
        let body: [String: Any] = ["eventTypeId": eventType, "label": "Company", "type": "TEXTLONG", "required": true,
                                   "placeholder": "ACME", "options": [["label": "a", "type": "b"]]]
        let response = try call("POST", "/v1/custom-inputs", as: alice, body: body)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "EventTypeCustomInput created successfully")
        let created = input(response)
        XCTAssertEqual(Set(created.keys), CustomInputsTests.fields)
        XCTAssertEqual(created["type"] as? String, "TEXTLONG")
        XCTAssertEqual(created["eventTypeId"] as? Int, Int(eventType))
        let id = try XCTUnwrap(created["id"] as? Int)
        let row = try db.query(#"SELECT "eventTypeId", label, type::text, required, placeholder, options::text FROM "EventTypeCustomInput" WHERE id = $1::int"#,
                               [.text(String(id))])
        XCTAssertEqual((0..<6).map { row.string(0, $0) },
                       [String(eventType), "Company", "textLong", "t", "ACME", #"[{"type": "b", "label": "a"}]"#])
    }

    func testCreateRulesAndValidation() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let bobs = try seedEventType("intro", user: bob)
        let teamType = try seedEventType("team", user: nil)
        let valid: [String: Any] = ["eventTypeId": bobs, "label": "L", "type": "TEXT", "required": false, "placeholder": ""]

        let foreign = try call("POST", "/v1/custom-inputs", as: alice, body: valid)
        XCTAssertEqual(foreign.status, 403)
        XCTAssertEqual(foreign.text, #"{"message":"Forbidden"}"#)
        var onTeam = valid
        onTeam["eventTypeId"] = teamType
        XCTAssertEqual(try call("POST", "/v1/custom-inputs", as: alice, body: onTeam).status, 403)
        var missing = valid
        missing["eventTypeId"] = 987654
        XCTAssertEqual(try call("POST", "/v1/custom-inputs", as: alice, body: missing).status, 403)
        let adminMissing = try call("POST", "/v1/custom-inputs", as: admin, body: missing)
        XCTAssertEqual(adminMissing.status, 404)
        XCTAssertEqual(adminMissing.json["message"] as? String, "Event type not found")

        let cases: [([String: Any], String)] = [
            (["eventTypeId": bobs, "label": "L", "type": "TEXT", "required": false], "invalid_type in 'placeholder': Required"),
            (valid.merging(["type": "text"]) { $1 },
             "invalid_enum_value in 'type': Invalid enum value. Expected 'TEXT' | 'TEXTLONG' | 'NUMBER' | 'BOOL' | 'RADIO' | 'PHONE', received 'text'"),
            (valid.merging(["extra": 1]) { $1 }, "Unrecognized key(s) in object: 'extra'"),
            (valid.merging(["required": "yes"]) { $1 }, "invalid_type in 'required': Expected boolean, received string"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/custom-inputs", as: admin, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventTypeCustomInput""#), "0")
        let byAdmin = try call("POST", "/v1/custom-inputs", as: admin, body: valid.merging(["type": "PHONE"]) { $1 })
        XCTAssertEqual(byAdmin.status, 200, byAdmin.text)
        XCTAssertEqual(try value(#"SELECT type::text FROM "EventTypeCustomInput""#), "phone")
    }

    func testListAndGetShowOnlyInputsOfOwnEventTypes() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let a = try seedInput(try seedEventType("a", user: alice), "A", type: "bool")
        let b = try seedInput(try seedEventType("b", user: bob), "B")
        let t = try seedInput(try seedEventType("t", user: nil), "T")

        let own = try call("GET", "/v1/custom-inputs", as: alice)
        XCTAssertEqual(own.status, 200)
        let listed = own.json["event_type_custom_inputs"] as? [[String: Any]] ?? []
        XCTAssertEqual(listed.map { $0["id"] as? Int }, [Int(a)])
        XCTAssertEqual(listed.first?["type"] as? String, "BOOL")
        XCTAssertEqual(Set(listed.first?.keys.map { $0 } ?? []), CustomInputsTests.fields)
        let all = try call("GET", "/v1/custom-inputs", as: admin)
        XCTAssertEqual((all.json["event_type_custom_inputs"] as? [[String: Any]])?.map { $0["id"] as? Int }, [Int(a), Int(b), Int(t)])

        XCTAssertEqual(input(try call("GET", "/v1/custom-inputs/\(a)", as: alice))["label"] as? String, "A")
        XCTAssertEqual(try call("GET", "/v1/custom-inputs/\(b)", as: alice).status, 403)
        XCTAssertEqual(try call("GET", "/v1/custom-inputs/\(t)", as: alice).status, 403)
        XCTAssertEqual(try call("GET", "/v1/custom-inputs/987654", as: alice).status, 403)
        XCTAssertEqual(input(try call("GET", "/v1/custom-inputs/\(b)", as: admin))["label"] as? String, "B")
        let missing = try call("GET", "/v1/custom-inputs/987654", as: admin)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Custom input not found")
        let nan = try call("GET", "/v1/custom-inputs/abc", as: alice)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
    }

    func testPatchChecksOwnershipBeforeTheBodyAndOfANewEventType() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let first = try seedEventType("first", user: alice)
        let second = try seedEventType("second", user: alice)
        let bobs = try seedEventType("bobs", user: bob)
        let id = try seedInput(first, "Old")

        let stranger = try call("PATCH", "/v1/custom-inputs/\(id)", as: bob, body: ["nonsense": true])
        XCTAssertEqual(stranger.status, 403, "the ownership check runs before the body is validated")
        let updated = try call("PATCH", "/v1/custom-inputs/\(id)", as: alice,
                               body: ["label": "New", "type": "RADIO", "options": NSNull(), "eventTypeId": second])
        XCTAssertEqual(updated.status, 200, updated.text)
        XCTAssertNil(updated.json["message"])
        XCTAssertEqual(input(updated)["type"] as? String, "RADIO")
        let row = try db.query(#"SELECT "eventTypeId", label, type::text, options IS NULL FROM "EventTypeCustomInput" WHERE id = $1::int"#,
                               [.text(String(id))])
        XCTAssertEqual((0..<4).map { row.string(0, $0) }, [String(second), "New", "radio", "t"])

        let hijack = try call("PATCH", "/v1/custom-inputs/\(id)", as: alice, body: ["eventTypeId": bobs])
        XCTAssertEqual(hijack.status, 403)
        XCTAssertEqual(hijack.json["message"] as? String, "Forbidden")
        XCTAssertEqual(try value(#"SELECT "eventTypeId" FROM "EventTypeCustomInput" WHERE id = $1::int"#, [.text(String(id))]), String(second))

        let strict = try call("PATCH", "/v1/custom-inputs/\(id)", as: alice, body: ["id": 5])
        XCTAssertEqual(strict.status, 400)
        XCTAssertEqual(strict.json["message"] as? String, "Unrecognized key(s) in object: 'id'")
        XCTAssertEqual(try call("PATCH", "/v1/custom-inputs/\(id)", as: admin, body: ["eventTypeId": bobs]).status, 200)
        XCTAssertEqual(try call("PATCH", "/v1/custom-inputs/987654", as: admin, body: ["label": "x"]).status, 404)
    }

    func testDelete() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedInput(try seedEventType("a", user: alice), "A")
        XCTAssertEqual(try call("DELETE", "/v1/custom-inputs/\(id)", as: bob).status, 403)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventTypeCustomInput""#), "1")
        let deleted = try call("DELETE", "/v1/custom-inputs/\(id)", as: alice)
        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(deleted.text, #"{"message":"CustomInputEventType with id: \#(id) deleted successfully"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventTypeCustomInput""#), "0")
        XCTAssertEqual(try call("DELETE", "/v1/custom-inputs/\(id)", as: admin).status, 404)
        let put = try call("PUT", "/v1/custom-inputs/\(id)", as: admin, body: [:] as [String: Any])
        XCTAssertEqual(put.status, 405)
        XCTAssertEqual(put.json["message"] as? String, "Method Not Allowed (Allow: GET,PATCH,DELETE)")
    }
}
