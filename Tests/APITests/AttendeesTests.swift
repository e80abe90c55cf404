import XCTest
@testable import Host

/// `/attendees` and `/attendees/{id}` (bookings-and-auth.md §4): reached through the booking's organizer.
final class AttendeesTests: APITestCase {
    static let publicFields: Set<String> = ["id", "bookingId", "name", "email", "timeZone"]

    func testListIsTheOrganizersAttendeesOrAllForAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let mine = try seedAttendee(try seedBooking(alice), email: "guest@example.com")
        let theirs = try seedAttendee(try seedBooking(bob), email: "alice@example.com")
        let own = try call("GET", "/v1/attendees", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(list(own, "attendees").map { $0["id"] as? Int }, [Int(mine)], "being an attendee elsewhere does not list it")
        XCTAssertEqual(Set(list(own, "attendees")[0].keys), AttendeesTests.publicFields)
        XCTAssertEqual(list(try call("GET", "/v1/attendees", as: admin), "attendees").map { $0["id"] as? Int }, [Int(mine), Int(theirs)])
        XCTAssertEqual(try call("GET", "/v1/attendees", as: try seedUser("carol")).text, #"{"attendees":[]}"#)
    }

    func testCreateOnOwnBookingOnly() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let booking = try seedBooking(alice)
        let body: [String: Any] = ["bookingId": booking, "email": "new@example.com", "name": "New", "timeZone": "Europe/Berlin"]
        let created = try call("POST", "/v1/attendees", as: alice, body: body)
        XCTAssertEqual(created.status, 200, created.text)
        XCTAssertEqual(created.json["message"] as? String, "Attendee created successfully")
        let attendee = object(created, "attendee")
        XCTAssertEqual(Set(attendee.keys), AttendeesTests.publicFields)
        let id = try XCTUnwrap(attendee["id"] as? Int)
        let row = try db.query(#"SELECT "bookingId", email, name, "timeZone", locale FROM "Attendee" WHERE id = $1::int"#, [.text(String(id))])
        XCTAssertEqual((0..<5).map { row.string(0, $0) }, [String(booking), "new@example.com", "New", "Europe/Berlin", "en"])

        let stranger = try call("POST", "/v1/attendees", as: bob, body: body)
        XCTAssertEqual(stranger.status, 403)
        XCTAssertEqual(stranger.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try call("POST", "/v1/attendees", as: admin, body: body).status, 200, "admins add to any booking")
        var missing = body
        missing["bookingId"] = 999999
        XCTAssertEqual(try call("POST", "/v1/attendees", as: admin, body: missing).status, 404)
        XCTAssertEqual(try call("POST", "/v1/attendees", as: alice, body: missing).status, 403)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "2")
    }

    func testCreateValidation() throws {
        let alice = try seedUser("alice")
        let booking = try seedBooking(alice)
        let cases: [([String: Any], String)] = [
            (["email": "a@example.com", "name": "A", "timeZone": "Europe/Paris"], "invalid_type in 'bookingId': Required"),
            (["bookingId": booking, "email": "nope", "name": "A", "timeZone": "Europe/Paris"], "invalid_string in 'email': Invalid"),
            (["bookingId": booking, "email": "a@example.com", "name": "A", "timeZone": "Europe/Paris", "locale": "fr"],
             "Unrecognized key(s) in object: 'locale'"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/attendees", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        let zone = try call("POST", "/v1/attendees", as: alice, body: ["bookingId": booking, "email": "a@example.com", "name": "A", "timeZone": "Mars/Base"])
        XCTAssertEqual(zone.status, 400)
        XCTAssertTrue((zone.json["message"] as? String ?? "").hasPrefix("custom in 'timeZone': Expected one of the following"))
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "0")
    }

    func testIdRoutesCheckTheBookingsOrganizerFirst() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let attendee = try seedAttendee(try seedBooking(alice), email: "guest@example.com")
        XCTAssertEqual(object(try call("GET", "/v1/attendees/\(attendee)", as: alice), "attendee")["email"] as? String, "guest@example.com")
        XCTAssertEqual(object(try call("GET", "/v1/attendees/\(attendee)", as: admin), "attendee")["id"] as? Int, Int(attendee))
        for method in ["GET", "PATCH", "DELETE"] {
            let response = try call(method, "/v1/attendees/\(attendee)", as: bob, body: method == "PATCH" ? ["nonsense": 1] : nil)
            XCTAssertEqual(response.status, 403, method)
            XCTAssertEqual(response.text, #"{"message":"Forbidden"}"#, "the check runs before the body is read")
        }
        XCTAssertEqual(try call("GET", "/v1/attendees/999999", as: bob).status, 403, "a missing id is hidden from non-admins")
        let missing = try call("GET", "/v1/attendees/999999", as: admin)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Attendee not found")
        let nan = try call("GET", "/v1/attendees/x1", as: admin)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
    }

    func testPatchEditsAndMovesOnlyToOwnBookings() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let first = try seedBooking(alice)
        let second = try seedBooking(alice)
        let bobs = try seedBooking(bob)
        let attendee = try seedAttendee(first, email: "guest@example.com")
        let edited = try call("PATCH", "/v1/attendees/\(attendee)", as: alice, body: ["name": "Renamed", "bookingId": second])
        XCTAssertEqual(edited.status, 200, edited.text)
        XCTAssertEqual(object(edited, "attendee")["name"] as? String, "Renamed")
        let row = try db.query(#"SELECT name, "bookingId", email FROM "Attendee" WHERE id = $1::int"#, [.text(String(attendee))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, ["Renamed", String(second), "guest@example.com"])

        let foreign = try call("PATCH", "/v1/attendees/\(attendee)", as: alice, body: ["bookingId": bobs])
        XCTAssertEqual(foreign.status, 403)
        XCTAssertEqual(foreign.json["message"] as? String, "You don't have access to the booking")
        XCTAssertEqual(try value(#"SELECT "bookingId" FROM "Attendee" WHERE id = $1::int"#, [.text(String(attendee))]), String(second))
        let strict = try call("PATCH", "/v1/attendees/\(attendee)", as: alice, body: ["locale": "fr"])
        XCTAssertEqual(strict.json["message"] as? String, "Unrecognized key(s) in object: 'locale'")
        XCTAssertEqual(try call("PATCH", "/v1/attendees/\(attendee)", as: alice, body: [String: Any]()).status, 200, "an empty edit is accepted")
    }

    func testDeleteIsHard() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let attendee = try seedAttendee(try seedBooking(alice), email: "guest@example.com")
        let deleted = try call("DELETE", "/v1/attendees/\(attendee)", as: alice)
        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(deleted.text, #"{"message":"Attendee with id: \#(attendee) deleted successfully"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "0")
        XCTAssertEqual(try call("DELETE", "/v1/attendees/\(attendee)", as: admin).status, 404)
    }
}
