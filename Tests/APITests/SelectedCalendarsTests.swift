import XCTest
@testable import Host

/// `/selected-calendars` and `/selected-calendars/{userId}_{integration}_{externalId}` (core.md §9),
/// with the rows checked after each write.
final class SelectedCalendarsTests: APITestCase {
    static let publicFields: Set<String> = [
        "id", "userId", "integration", "externalId", "credentialId", "googleChannelId", "googleChannelKind",
        "googleChannelResourceId", "googleChannelResourceUri", "googleChannelExpiration", "error", "eventTypeId",
    ]

    private func calendar(_ response: HTTPClient.Response) -> [String: Any] { response.json["selected_calendar"] as? [String: Any] ?? [:] }

    private func seedCalendar(_ owner: Account, _ externalId: String, integration: String = "google_calendar") throws {
        _ = try db.query(#"INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId") VALUES (gen_random_uuid()::text, $1::int, $2, $3)"#,
                         [.text(String(owner.id)), .text(integration), .text(externalId)])
    }

    private func count(_ owner: Account) throws -> String? {
        try value(#"SELECT count(*) FROM "SelectedCalendar" WHERE "userId" = $1::int"#, [.text(String(owner.id))])
    }

    func testCreateGeneratesTheIdAndAnswersTheRow() throws {
        let alice = try seedUser("alice")
        let response = try call("POST", "/v1/selected-calendars", as: alice,
                                body: ["integration": "google_calendar", "externalId": "alice@example.com", "credentialId": 5])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Selected Calendar created successfully")
        let created = calendar(response)
        XCTAssertEqual(Set(created.keys), SelectedCalendarsTests.publicFields)
        XCTAssertEqual(created["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(created["integration"] as? String, "google_calendar")
        XCTAssertEqual(created["externalId"] as? String, "alice@example.com")
        XCTAssertTrue(created["credentialId"] is NSNull, "only integration, externalId and userId are written")
        let id = try XCTUnwrap(created["id"] as? String)
        XCTAssertNotNil(id.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression), id)
        let row = try db.query(#"SELECT "userId", integration, "externalId", "eventTypeId" FROM "SelectedCalendar" WHERE id = $1"#, [.text(id)])
        XCTAssertEqual((0..<4).map { row.string(0, $0) }, [String(alice.id), "google_calendar", "alice@example.com", nil])

        let again = try call("POST", "/v1/selected-calendars", as: alice, body: ["integration": "google_calendar", "externalId": "alice@example.com"])
        XCTAssertEqual(again.status, 400)
        XCTAssertEqual(again.json["message"] as? String, "Selected calendar already exists")
        XCTAssertEqual(try count(alice), "1")
    }

    func testCreateValidationAndAdminRules() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let missing = try call("POST", "/v1/selected-calendars", as: alice, body: ["integration": "google_calendar"])
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.json["message"] as? String, "invalid_type in 'externalId': Required")
        let typed = try call("POST", "/v1/selected-calendars", as: alice, body: ["integration": 1, "externalId": "x"])
        XCTAssertEqual(typed.json["message"] as? String, "invalid_type in 'integration': Expected string, received number")

        let refused = try call("POST", "/v1/selected-calendars", as: alice,
                               body: ["integration": "google_calendar", "externalId": "x", "userId": Int(bob.id)])
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.text, #"{"message":"ADMIN required for userId"}"#)
        let forBob = try call("POST", "/v1/selected-calendars", as: admin,
                              body: ["integration": "office365_calendar", "externalId": "x", "userId": Int(bob.id)])
        XCTAssertEqual(forBob.status, 200, forBob.text)
        XCTAssertEqual(calendar(forBob)["userId"] as? Int, Int(bob.id))
        XCTAssertEqual(try count(bob), "1")
        let nobody = try call("POST", "/v1/selected-calendars", as: admin, body: ["integration": "google_calendar", "externalId": "x", "userId": 987654])
        XCTAssertEqual(nobody.status, 404)
        XCTAssertEqual(nobody.json["message"] as? String, "User with id: 987654 not found")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "SelectedCalendar""#), "1")
    }

    func testListIsOwnUserLevelRowsAndFilteredForAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        try seedCalendar(bob, "b@example.com")
        try seedCalendar(alice, "a2@example.com")
        try seedCalendar(alice, "a1@example.com")
        let eventType = try XCTUnwrap(value(#"INSERT INTO "EventType" (title, slug, length, "userId") VALUES ('Call', 'call', 30, $1::int) RETURNING id"#,
                                            [.text(String(alice.id))]))
        _ = try db.query(#"INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId", "eventTypeId") VALUES (gen_random_uuid()::text, $1::int, 'google_calendar', 'et@example.com', $2::int)"#,
                         [.text(String(alice.id)), .text(eventType)])

        let own = try call("GET", "/v1/selected-calendars", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual((own.json["selected_calendars"] as? [[String: Any]])?.map { $0["externalId"] as? String },
                       ["a1@example.com", "a2@example.com"], "event-type rows are not v1's")
        let refused = try call("GET", "/v1/selected-calendars?userId=\(bob.id)", as: alice)
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.json["message"] as? String, "ADMIN required")

        let all = try call("GET", "/v1/selected-calendars", as: admin)
        XCTAssertEqual((all.json["selected_calendars"] as? [[String: Any]])?.count, 3)
        let bobs = try call("GET", "/v1/selected-calendars?userId=\(bob.id)", as: admin)
        XCTAssertEqual((bobs.json["selected_calendars"] as? [[String: Any]])?.map { $0["externalId"] as? String }, ["b@example.com"])
        let both = try call("GET", "/v1/selected-calendars?userId=\(bob.id)&userId=\(alice.id)", as: admin)
        XCTAssertEqual((both.json["selected_calendars"] as? [[String: Any]])?.map { $0["userId"] as? Int },
                       [Int(alice.id), Int(alice.id), Int(bob.id)])
    }

    func testCompoundIdParsingAndStrictQuery() throws {
        let alice = try seedUser("alice")
        try seedCalendar(alice, "c_team_calendar_x@group.calendar.google.com")
        let cases: [(String, String)] = [
            ("abc_google_calendar_x", "userId is not a number"),
            ("99999999999_google_calendar_x", "userId is not a number"),
            ("\(alice.id)", "Missing integration"),
            ("\(alice.id)_google", "Missing externalId"),
            ("\(alice.id)_google_calendar_", "Missing externalId"),
            ("\(alice.id)__calendar_x", "Missing integration"),
        ]
        for (id, message) in cases {
            let response = try call("GET", "/v1/selected-calendars/\(id)", as: alice)
            XCTAssertEqual(response.status, 400, id)
            XCTAssertEqual(response.json["message"] as? String, message, id)
        }
        let found = try call("GET", "/v1/selected-calendars/\(alice.id)_google_calendar_c_team_calendar_x@group.calendar.google.com", as: alice)
        XCTAssertEqual(found.status, 200, found.text)
        XCTAssertEqual(calendar(found)["externalId"] as? String, "c_team_calendar_x@group.calendar.google.com",
                       "an external id holding _calendar_ is kept whole")
        let strict = try call("GET", "/v1/selected-calendars/\(alice.id)_google_calendar_x?utm=1", as: alice)
        XCTAssertEqual(strict.status, 400)
        XCTAssertEqual(strict.json["message"] as? String, "Unrecognized key(s) in object: 'utm'")
        XCTAssertEqual(try call("GET", "/v1/selected-calendars/\(alice.id)_google_calendar_x?version=1", as: alice).status, 404)
    }

    func testGetByIdIsOwnOrAdmin() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        try seedCalendar(alice, "alice@example.com")
        let path = "/v1/selected-calendars/\(alice.id)_google_calendar_alice@example.com"
        let own = try call("GET", path, as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(Set(calendar(own).keys), SelectedCalendarsTests.publicFields)
        let forbidden = try call("GET", path, as: bob)
        XCTAssertEqual(forbidden.status, 403)
        XCTAssertEqual(forbidden.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try call("GET", path, as: admin).status, 200)
        let missing = try call("GET", "/v1/selected-calendars/\(alice.id)_google_calendar_nobody@example.com", as: alice)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Selected calendar with id: \(alice.id)_google_calendar_nobody@example.com not found")
        XCTAssertEqual(try call("PUT", path, as: alice).status, 405)
    }

    func testPatchChangesTheKeyAndOnlyAdminsMoveIt() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        try seedCalendar(alice, "old@example.com")
        try seedCalendar(alice, "taken@example.com")
        let path = "/v1/selected-calendars/\(alice.id)_google_calendar_old@example.com"

        XCTAssertEqual(try call("PATCH", path, as: bob, body: ["externalId": 5]).status, 403, "checked before the body")
        let refused = try call("PATCH", path, as: alice, body: ["userId": Int(bob.id)])
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.json["message"] as? String, "ADMIN required for userId")
        let taken = try call("PATCH", path, as: alice, body: ["externalId": "taken@example.com"])
        XCTAssertEqual(taken.status, 400)
        XCTAssertEqual(taken.json["message"] as? String, "Selected calendar already exists")

        let renamed = try call("PATCH", path, as: alice, body: ["externalId": "new@example.com", "googleChannelId": "ignored"])
        XCTAssertEqual(renamed.status, 200, renamed.text)
        XCTAssertEqual(calendar(renamed)["externalId"] as? String, "new@example.com")
        XCTAssertTrue(calendar(renamed)["googleChannelId"] is NSNull)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "SelectedCalendar" WHERE "externalId" = 'new@example.com' AND "userId" = $1::int"#,
                                 [.text(String(alice.id))]), "1")
        XCTAssertEqual(try call("PATCH", path, as: alice, body: ["externalId": "x"]).status, 404, "the old id is gone")

        let moved = try call("PATCH", "/v1/selected-calendars/\(alice.id)_google_calendar_new@example.com", as: admin, body: ["userId": Int(bob.id)])
        XCTAssertEqual(moved.status, 200, moved.text)
        XCTAssertEqual(calendar(moved)["userId"] as? Int, Int(bob.id))
        XCTAssertEqual(try count(bob), "1")
        let nobody = try call("PATCH", "/v1/selected-calendars/\(bob.id)_google_calendar_new@example.com", as: admin, body: ["userId": 987654])
        XCTAssertEqual(nobody.status, 404)
        XCTAssertEqual(try count(bob), "1")
    }

    func testDeleteRemovesTheRow() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        try seedCalendar(alice, "alice@example.com")
        try seedCalendar(bob, "bob@example.com")
        let path = "/v1/selected-calendars/\(alice.id)_google_calendar_alice@example.com"
        XCTAssertEqual(try call("DELETE", path, as: bob).status, 403)
        let response = try call("DELETE", path, as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, #"{"message":"Selected Calendar with id: \#(alice.id)_google_calendar_alice@example.com deleted successfully"}"#)
        XCTAssertEqual(try count(alice), "0")
        XCTAssertEqual(try call("DELETE", path, as: alice).status, 404)
        XCTAssertEqual(try call("DELETE", "/v1/selected-calendars/\(bob.id)_google_calendar_bob@example.com", as: admin).status, 200)
        XCTAssertEqual(try count(bob), "0")
    }
}
