import XCTest
@testable import Host

/// `/destination-calendars` and `/destination-calendars/{id}` (core.md §10), with the rows checked
/// after each write.
final class DestinationCalendarsTests: APITestCase {
    private func calendar(_ response: HTTPClient.Response) -> [String: Any] { response.json["destinationCalendar"] as? [String: Any] ?? [:] }

    private func seedEventType(_ owner: Account, _ slug: String) throws -> Int {
        Int(try XCTUnwrap(value(#"INSERT INTO "EventType" (title, slug, length, "userId") VALUES ($1, $1, 30, $2::int) RETURNING id"#,
                                [.text(slug), .text(String(owner.id))])))!
    }

    /// A destination calendar row of a user or of an event type.
    private func seedCalendar(user: Account? = nil, eventType: Int? = nil, externalId: String) throws -> Int {
        Int(try XCTUnwrap(value(#"INSERT INTO "DestinationCalendar" (integration, "externalId", "userId", "eventTypeId") VALUES ('google_calendar', $1, $2::int, $3::int) RETURNING id"#,
                                [.text(externalId), user.map { .text(String($0.id)) } ?? .null, eventType.map { .text(String($0)) } ?? .null])))!
    }

    /// The stored row: integration, external id, user, event type, credential.
    private func row(_ id: Int) throws -> [String?] {
        let rows = try db.query(#"SELECT integration, "externalId", "userId"::text, "eventTypeId"::text, "credentialId"::text FROM "DestinationCalendar" WHERE id = $1::int"#,
                                [.text(String(id))])
        return rows.count == 1 ? (0..<5).map { rows.string(0, $0) } : []
    }

    func testCreateForTheCallerUsesTheCredentialOfTheMatchingSelectedCalendar() throws {
        let alice = try seedUser("alice")
        let credential = try XCTUnwrap(value(#"INSERT INTO "Credential" (type, key, "userId") VALUES ('google_calendar', '{}', $1::int) RETURNING id"#,
                                             [.text(String(alice.id))]))
        _ = try db.query(#"INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId") VALUES ('s1', $1::int, 'google_calendar', 'alice@example.com', $2::int)"#,
                         [.text(String(alice.id)), .text(credential)])
        let response = try call("POST", "/v1/destination-calendars", as: alice,
                                body: ["integration": "google_calendar", "externalId": "alice@example.com", "bookingId": 3])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Destination calendar created successfully")
        let created = calendar(response)
        XCTAssertEqual(Set(created.keys), ["id", "integration", "externalId", "eventTypeId", "userId"])
        XCTAssertEqual(created["userId"] as? Int, Int(alice.id))
        XCTAssertTrue(created["eventTypeId"] is NSNull)
        let id = try XCTUnwrap(created["id"] as? Int)
        XCTAssertEqual(try row(id), ["google_calendar", "alice@example.com", String(alice.id), nil, credential])

        let second = try call("POST", "/v1/destination-calendars", as: alice, body: ["integration": "google_calendar", "externalId": "other@example.com"])
        XCTAssertEqual(second.status, 400)
        XCTAssertEqual(second.json["message"] as? String, "Bad request, this user or event type already has a destination calendar")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "DestinationCalendar""#), "1")
    }

    func testCreateForAnEventTypeLinksOnlyTheEventType() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let eventType = try seedEventType(alice, "call")
        let bobs = try seedEventType(bob, "chat")
        let refused = try call("POST", "/v1/destination-calendars", as: alice,
                               body: ["integration": "google_calendar", "externalId": "x", "eventTypeId": bobs])
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.text, #"{"message":"Unauthorized"}"#)
        let response = try call("POST", "/v1/destination-calendars", as: alice,
                                body: ["integration": "office365_calendar", "externalId": "x", "eventTypeId": eventType])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertTrue(calendar(response)["userId"] is NSNull)
        XCTAssertEqual(calendar(response)["eventTypeId"] as? Int, eventType)
        XCTAssertEqual(try row(try XCTUnwrap(calendar(response)["id"] as? Int)), ["office365_calendar", "x", nil, String(eventType), nil])
    }

    func testCreateValidationAndAdminRules() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let bobs = try seedEventType(bob, "chat")
        let cases: [(Account, [String: Any], Int, String)] = [
            (alice, ["integration": "google_calendar"], 400, "invalid_type in 'externalId': Required"),
            (alice, ["integration": "google_calendar", "externalId": "x", "credentialId": 1], 400, "Unrecognized key(s) in object: 'credentialId'"),
            (alice, ["integration": "google_calendar", "externalId": "x", "userId": Int(bob.id)], 401, "ADMIN required for `userId`"),
            (admin, ["integration": "google_calendar", "externalId": "x"], 400, "`userId` required"),
            (admin, ["integration": "google_calendar", "externalId": "x", "userId": Int(alice.id), "eventTypeId": bobs], 400, "Bad request, eventTypeId invalid"),
            (admin, ["integration": "google_calendar", "externalId": "x", "userId": 987654], 400, "Bad request, userId invalid"),
            (admin, ["integration": "google_calendar", "externalId": "x", "userId": 99999999999], 400,
             "too_big in 'userId': Number must be less than or equal to 2147483647"),
        ]
        for (account, body, status, message) in cases {
            let response = try call("POST", "/v1/destination-calendars", as: account, body: body)
            XCTAssertEqual(response.status, status, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message, "\(body)")
        }
        XCTAssertEqual(try value(#"SELECT count(*) FROM "DestinationCalendar""#), "0")
        let forBob = try call("POST", "/v1/destination-calendars", as: admin, body: ["integration": "google_calendar", "externalId": "b", "userId": Int(bob.id)])
        XCTAssertEqual(forBob.status, 200, forBob.text)
        XCTAssertEqual(calendar(forBob)["userId"] as? Int, Int(bob.id))
        let forBobsEventType = try call("POST", "/v1/destination-calendars", as: admin,
                                        body: ["integration": "google_calendar", "externalId": "c", "userId": Int(bob.id), "eventTypeId": bobs])
        XCTAssertEqual(forBobsEventType.status, 200, forBobsEventType.text)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "DestinationCalendar" WHERE "eventTypeId" = $1::int AND "userId" IS NULL"#, [.text(String(bobs))]), "1")
    }

    func testListHoldsTheUsersAndTheirEventTypesCalendars() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let own = try seedCalendar(user: alice, externalId: "a")
        let forEventType = try seedCalendar(eventType: try seedEventType(alice, "call"), externalId: "e")
        let bobs = try seedCalendar(user: bob, externalId: "b")

        let mine = try call("GET", "/v1/destination-calendars", as: alice)
        XCTAssertEqual(mine.status, 200)
        XCTAssertEqual((mine.json["destinationCalendars"] as? [[String: Any]])?.map { $0["id"] as? Int }, [own, forEventType])
        let refused = try call("GET", "/v1/destination-calendars?userId=\(bob.id)", as: alice)
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.json["message"] as? String, "ADMIN required")

        let adminOwn = try call("GET", "/v1/destination-calendars", as: admin)
        XCTAssertEqual((adminOwn.json["destinationCalendars"] as? [[String: Any]])?.count, 0, "without userId an admin sees their own")
        let both = try call("GET", "/v1/destination-calendars?userId=\(alice.id)&userId=\(bob.id)", as: admin)
        XCTAssertEqual((both.json["destinationCalendars"] as? [[String: Any]])?.map { $0["id"] as? Int }, [own, forEventType, bobs])
        let one = try call("GET", "/v1/destination-calendars?userId=\(bob.id)", as: admin)
        XCTAssertEqual((one.json["destinationCalendars"] as? [[String: Any]])?.map { $0["id"] as? Int }, [bobs])
    }

    func testGetByIdReachesOwnAndOwnEventTypesCalendars() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let own = try seedCalendar(user: alice, externalId: "a")
        let forEventType = try seedCalendar(eventType: try seedEventType(alice, "call"), externalId: "e")
        XCTAssertEqual(calendar(try call("GET", "/v1/destination-calendars/\(own)", as: alice))["externalId"] as? String, "a")
        XCTAssertEqual(calendar(try call("GET", "/v1/destination-calendars/\(forEventType)", as: alice))["externalId"] as? String, "e")
        let hidden = try call("GET", "/v1/destination-calendars/\(own)", as: bob)
        XCTAssertEqual(hidden.status, 404)
        XCTAssertEqual(hidden.json["message"] as? String, "Destination calendar not found")
        XCTAssertEqual(try call("GET", "/v1/destination-calendars/\(forEventType)", as: bob).status, 404)
        XCTAssertEqual(try call("GET", "/v1/destination-calendars/\(own)", as: admin).status, 200)
        XCTAssertEqual(try call("GET", "/v1/destination-calendars/987654", as: admin).status, 404)
        XCTAssertEqual(try call("GET", "/v1/destination-calendars/abc", as: admin).json["message"] as? String,
                       "invalid_type in 'id': Expected number, received nan")
    }

    func testPatchFollowsCalComsChecks() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let own = try seedCalendar(user: alice, externalId: "a")
        let call1 = try seedEventType(alice, "call")
        let call2 = try seedEventType(alice, "call2")
        let bobsEventType = try seedEventType(bob, "chat")
        let forEventType = try seedCalendar(eventType: call1, externalId: "e")
        let path = "/v1/destination-calendars/\(own)"

        XCTAssertEqual(try call("PATCH", path, as: bob, body: ["bogus": 1]).status, 404, "checked before the body")
        let cases: [(Account, String, [String: Any], Int, String)] = [
            (alice, path, ["integration": "google_calendar"], 400, "External Id is required with integration value"),
            (alice, path, ["externalId": "x"], 400, "Integration value is required with external ID"),
            (alice, path, ["scheduleId": 1], 400, "Unrecognized key(s) in object: 'scheduleId'"),
            (admin, "/v1/destination-calendars/987654", ["externalId": "x", "integration": "y"], 404, "Destination calendar with ID 987654 not found"),
            (alice, path, ["eventTypeId": call2], 400, "The provided destination calendar can not be linked to an event type"),
            (alice, "/v1/destination-calendars/\(forEventType)", ["eventTypeId": bobsEventType], 404, "Event type with ID \(bobsEventType) not found"),
            (alice, "/v1/destination-calendars/\(forEventType)", ["externalId": "x", "integration": "y"], 400,
             "The provided destination calendar can only be linked to an event type"),
            (admin, path, ["externalId": "x", "integration": "y"], 403, "Forbidden"),
        ]
        for (account, target, body, status, message) in cases {
            let response = try call("PATCH", target, as: account, body: body)
            XCTAssertEqual(response.status, status, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message, "\(body)")
        }
        XCTAssertEqual(try row(own), ["google_calendar", "a", String(alice.id), nil, nil], "nothing changed")

        let changed = try call("PATCH", path, as: alice, body: ["integration": "office365_calendar", "externalId": "new"])
        XCTAssertEqual(changed.status, 200, changed.text)
        XCTAssertNil(changed.json["message"])
        XCTAssertEqual(calendar(changed)["externalId"] as? String, "new")
        XCTAssertEqual(try row(own), ["office365_calendar", "new", String(alice.id), nil, nil])
        let byAdmin = try call("PATCH", path, as: admin, body: ["userId": Int(alice.id), "integration": "google_calendar", "externalId": "z"])
        XCTAssertEqual(byAdmin.status, 200, byAdmin.text)
        XCTAssertEqual(try row(own)[1], "z")

        let moved = try call("PATCH", "/v1/destination-calendars/\(forEventType)", as: alice, body: ["eventTypeId": call2])
        XCTAssertEqual(moved.status, 200, moved.text)
        XCTAssertEqual(calendar(moved)["eventTypeId"] as? Int, call2)
        XCTAssertEqual(try row(forEventType), ["google_calendar", "e", nil, String(call2), nil])
    }

    func testDeleteRemovesTheRow() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let own = try seedCalendar(user: alice, externalId: "a")
        let bobs = try seedCalendar(user: bob, externalId: "b")
        XCTAssertEqual(try call("DELETE", "/v1/destination-calendars/\(own)", as: bob).status, 404)
        let response = try call("DELETE", "/v1/destination-calendars/\(own)", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, #"{"message":"OK, Destination Calendar removed successfully"}"#)
        XCTAssertEqual(try row(own), [])
        XCTAssertEqual(try call("DELETE", "/v1/destination-calendars/\(own)", as: admin).status, 404)
        XCTAssertEqual(try call("DELETE", "/v1/destination-calendars/\(bobs)", as: admin).status, 200)
        XCTAssertEqual(try row(bobs), [])
    }
}
