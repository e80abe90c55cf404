import XCTest
@testable import Host

/// `/booking-references` and `/booking-references/{id}` (bookings-and-auth.md §5).
final class BookingReferencesTests: APITestCase {
    static let publicFields: Set<String> = ["id", "type", "bookingId", "uid", "meetingId", "meetingPassword", "meetingUrl", "deleted"]

    func testListHidesSoftDeletedFromOwnersOnly() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let booking = try seedBooking(alice)
        let live = try seedReference(booking)
        let gone = try seedReference(booking, deleted: true)
        let falseFlag = try seedReference(booking, deleted: false)
        let other = try seedReference(try seedBooking(admin))
        let own = try call("GET", "/v1/booking-references", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(list(own, "booking_references").map { $0["id"] as? Int }, [Int(live)])
        XCTAssertEqual(Set(list(own, "booking_references")[0].keys), BookingReferencesTests.publicFields)
        XCTAssertEqual(list(try call("GET", "/v1/booking-references", as: admin), "booking_references").map { $0["id"] as? Int },
                       [Int(live), Int(gone), Int(falseFlag), Int(other)])
    }

    func testCreateNeedsAnOwnExistingBooking() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let booking = try seedBooking(alice)
        let body: [String: Any] = ["type": "daily_video", "uid": "room-1", "bookingId": booking, "meetingUrl": "https://daily.example/room-1",
                                   "meetingPassword": "pw", "externalCalendarId": "cal-1"]
        let created = try call("POST", "/v1/booking-references", as: alice, body: body)
        XCTAssertEqual(created.status, 200, created.text)
        XCTAssertEqual(created.json["message"] as? String, "Booking reference created successfully")
        let reference = object(created, "booking_reference")
        XCTAssertEqual(Set(reference.keys), BookingReferencesTests.publicFields)
        XCTAssertTrue(reference["deleted"] is NSNull)
        let id = try XCTUnwrap(reference["id"] as? Int)
        let row = try db.query(#"SELECT type, uid, "bookingId", "meetingUrl", "externalCalendarId" FROM "BookingReference" WHERE id = $1::int"#,
                               [.text(String(id))])
        XCTAssertEqual((0..<5).map { row.string(0, $0) }, ["daily_video", "room-1", String(booking), "https://daily.example/room-1", "cal-1"])

        XCTAssertEqual(try call("POST", "/v1/booking-references", as: bob, body: body).status, 404)
        XCTAssertEqual(try call("POST", "/v1/booking-references", as: admin, body: body).status, 200)
        var missing = body
        missing["bookingId"] = 999999
        let none = try call("POST", "/v1/booking-references", as: admin, body: missing)
        XCTAssertEqual(none.status, 404)
        XCTAssertEqual(none.json["message"] as? String, "Booking not found")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "BookingReference""#), "2")
    }

    func testCreateValidation() throws {
        let alice = try seedUser("alice")
        let booking = try seedBooking(alice)
        let cases: [([String: Any], String)] = [
            (["uid": "u", "bookingId": booking], "invalid_type in 'type': Required"),
            (["type": "", "uid": "u", "bookingId": booking], "too_small in 'type': String must contain at least 1 character(s)"),
            (["type": "t", "uid": "u", "bookingId": booking, "credential": 1], "Unrecognized key(s) in object: 'credential'"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/booking-references", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
    }

    func testIdRoutes() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let booking = try seedBooking(alice)
        let reference = try seedReference(booking)
        XCTAssertEqual(object(try call("GET", "/v1/booking-references/\(reference)", as: alice), "booking_reference")["type"] as? String, "zoom_video")
        for method in ["GET", "PATCH", "DELETE"] {
            let response = try call(method, "/v1/booking-references/\(reference)", as: bob, body: method == "PATCH" ? ["x": 1] : nil)
            XCTAssertEqual(response.status, 403, method)
            XCTAssertEqual(response.text, #"{"message":"Forbidden"}"#)
        }
        let missing = try call("GET", "/v1/booking-references/999999", as: admin)
        XCTAssertEqual(missing.status, 404)

        let edited = try call("PATCH", "/v1/booking-references/\(reference)", as: alice, body: ["meetingId": "m-2", "deleted": true])
        XCTAssertEqual(edited.status, 200, edited.text)
        XCTAssertEqual(object(edited, "booking_reference")["meetingId"] as? String, "m-2")
        XCTAssertEqual(try value(#"SELECT "meetingId" || ':' || deleted FROM "BookingReference" WHERE id = $1::int"#, [.text(String(reference))]), "m-2:true")
        let softDeleted = try call("PATCH", "/v1/booking-references/\(reference)", as: alice, body: ["meetingId": "m-3"])
        XCTAssertEqual(softDeleted.status, 404, "soft-deleted references cannot be edited")
        XCTAssertEqual(try value(#"SELECT "meetingId" FROM "BookingReference" WHERE id = $1::int"#, [.text(String(reference))]), "m-2")

        let live = try seedReference(booking)
        let moved = try call("PATCH", "/v1/booking-references/\(live)", as: alice, body: ["bookingId": try seedBooking(bob)])
        XCTAssertEqual(moved.status, 404, "the target booking must be the caller's")

        let deleted = try call("DELETE", "/v1/booking-references/\(live)", as: alice)
        XCTAssertEqual(deleted.text, #"{"message":"BookingReference with id: \#(live) deleted"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "BookingReference" WHERE id = $1::int"#, [.text(String(live))]), "0")
    }
}
