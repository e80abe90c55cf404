import XCTest
@testable import Host

/// Booking rules found missing in the audit against bookings-and-auth.md §3.4 and §3.8: the whole
/// created row in the answer of `POST /bookings`, Cal.com's message for a non-numeric `eventTypeId`,
/// one seat per booker, and a confirmation that reaches only the booking's own recurring series.
final class BookingsAuditTests: APITestCase {
    private func body(_ eventTypeId: Any, email: String = "booker@example.com") -> [String: Any] {
        ["eventTypeId": eventTypeId, "start": "2031-05-01T09:00:00Z", "timeZone": "Europe/Paris", "language": "en",
         "metadata": [String: Any](), "responses": ["name": "Booker", "email": email]]
    }

    func testCreateAnswersTheWholeRowWithItsRelations() throws {
        let host = try seedUser("host")
        let booker = try seedUser("booker")
        let eventType = try seedEventType(owner: host)
        var request = body(eventType)
        request["responses"] = ["name": "Booker", "email": "booker@example.com", "location": ["value": "Office", "optionValue": ""]]
        let response = try call("POST", "/v1/bookings", as: booker, body: request)
        XCTAssertEqual(response.status, 200, response.text)
        let booking = response.json
        XCTAssertNil(booking["booking"], "the bare booking, no envelope")
        XCTAssertEqual(booking["creationSource"] as? String, "API_V1")
        XCTAssertEqual(booking["status"] as? String, "ACCEPTED")
        XCTAssertEqual(booking["location"] as? String, "Office")
        XCTAssertEqual(booking["paid"] as? Bool, false)
        XCTAssertEqual(booking["userPrimaryEmail"] as? String, "host@example.com")
        XCTAssertEqual(booking["startTime"] as? String, "2031-05-01T09:00:00.000Z")
        XCTAssertNotNil((booking["updatedAt"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression))
        XCTAssertNotNil((booking["iCalUID"] as? String)?.hasSuffix("@Cal.com"))
        for key in ["fromReschedule", "recurringEventId", "cancellationReason", "rejectionReason", "description", "metadata", "responses"] {
            XCTAssertTrue(booking.keys.contains(key), key)
        }
        XCTAssertNil(booking["oneTimePassword"], "a secret")
        XCTAssertEqual((booking["references"] as? [Any])?.count, 0)
        XCTAssertEqual((booking["payment"] as? [Any])?.count, 0)
        let user = try XCTUnwrap(booking["user"] as? [String: Any])
        XCTAssertEqual(user["username"] as? String, "host")
        XCTAssertEqual(user["id"] as? Int, Int(host.id))
        let attendee = try XCTUnwrap((booking["attendees"] as? [[String: Any]])?.first)
        XCTAssertEqual(attendee["bookingId"] as? Int, booking["id"] as? Int)
        XCTAssertEqual(attendee["email"] as? String, "booker@example.com")
        XCTAssertEqual(attendee["locale"] as? String, "en")
    }

    func testPaginationPastSixtyFourBitIntegers() throws {
        let alice = try seedUser("alice")
        _ = try seedBooking(alice)
        _ = try seedBooking(alice)
        let farPage = try call("GET", "/v1/bookings?take=5&page=99999999999999999999", as: alice)
        XCTAssertEqual(farPage.status, 200, farPage.text)
        XCTAssertEqual(farPage.text, #"{"bookings":[]}"#)
        // A `take` beyond any page size is refused with the limit (limits.max_page_size, default 10000).
        let hugeTake = try call("GET", "/v1/bookings?take=99999999999999999999&page=1", as: alice)
        XCTAssertEqual(hugeTake.status, 400, hugeTake.text)
        XCTAssertEqual(hugeTake.json["message"] as? String,
                       "take must not be larger than 10000 (limits.max_page_size): request the list in pages with take and page")
    }

    func testANonNumericEventTypeIdGetsCalcomsMessage() throws {
        let booker = try seedUser("booker")
        let eventType = try seedEventType(owner: try seedUser("host"))
        for (value, message) in [("\(eventType)", "Bad request, eventTypeId must be a number"),
                                 (true, "Bad request, eventTypeId must be a number")] as [(Any, String)] {
            let response = try call("POST", "/v1/bookings", as: booker, body: body(value))
            XCTAssertEqual(response.status, 400, response.text)
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        let fraction = try call("POST", "/v1/bookings", as: booker, body: body(Double(eventType) + 0.5))
        XCTAssertEqual(fraction.status, 400, fraction.text)
        XCTAssertEqual(fraction.json["message"] as? String, "event_type_not_found_error")
        var missing = body(eventType)
        missing.removeValue(forKey: "eventTypeId")
        let absent = try call("POST", "/v1/bookings", as: booker, body: missing)
        XCTAssertEqual(absent.json["message"] as? String, "invalid_type in 'eventTypeId': Required")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Booking""#), "0")
        XCTAssertEqual(try call("POST", "/v1/bookings", as: booker, body: body(eventType)).status, 200)
    }

    func testABookerTakesOneSeatOnly() throws {
        let host = try seedUser("host")
        let eventType = try seedEventType(owner: host)
        _ = try db.query(#"UPDATE "EventType" SET "seatsPerTimeSlot" = 3 WHERE id = $1::int"#, [.text(String(eventType))])
        let first = try call("POST", "/v1/bookings", as: host, body: body(eventType))
        XCTAssertEqual(first.status, 200, first.text)
        let again = try call("POST", "/v1/bookings", as: host, body: body(eventType, email: "BOOKER@example.com"))
        XCTAssertEqual(again.status, 400, again.text)
        XCTAssertEqual(again.json["message"] as? String, "already_signed_up_for_this_booking_error")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "1")
        XCTAssertEqual(try call("POST", "/v1/bookings", as: host, body: body(eventType, email: "other@example.com")).status, 200)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "2")
    }

    func testConfirmingReachesOnlyTheBookingsOwnSeries() throws {
        let alice = try seedUser("alice")
        let reached = try seedBooking(alice, status: "pending")
        let otherSeries = try seedBooking(alice, status: "pending", recurringEventId: "private-series")
        let response = try call("POST", "/v1/bookings/\(reached)/confirm", as: alice,
                                body: ["confirmed": false, "recurringEventId": "private-series"])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(try value(#"SELECT status::text FROM "Booking" WHERE id = $1::int"#, [.text(String(reached))]), "rejected")
        XCTAssertEqual(try value(#"SELECT status::text FROM "Booking" WHERE id = $1::int"#, [.text(String(otherSeries))]), "pending",
                       "a series the booking is not part of is left alone")
    }
}
