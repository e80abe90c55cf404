import Foundation
import XCTest
@testable import Host

/// The shared availability computation: `POST /bookings` refusals (working hours, date overrides,
/// minimum notice, buffers, seats, time zones) and `GET /availability` (core.md §8.1) agreeing with it.
final class AvailabilityTests: APITestCase {
    private func book(_ eventType: Int64, _ start: String, as account: Account, email: String = "booker@example.com") throws -> HTTPClient.Response {
        try call("POST", "/v1/bookings", as: account, body: [
            "eventTypeId": eventType, "start": start, "timeZone": "Europe/Paris", "language": "en", "metadata": [String: Any](),
            "responses": ["name": "Booker", "email": email]])
    }

    private func assertRefused(_ response: HTTPClient.Response, _ status: Int, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertEqual(response.json["message"] as? String, message, file: file, line: line)
    }

    private func bookingCount() throws -> String? { try value(#"SELECT count(*) FROM "Booking""#) }

    private func ranges(_ object: [String: Any], _ key: String) -> [String] {
        (object[key] as? [[String: Any]] ?? []).map { "\($0["start"] as? String ?? "")/\($0["end"] as? String ?? "")" }
    }

    func testWorkingHoursAndDateOverrides() throws {
        let host = try seedUser("host")
        let booker = try seedUser("booker")
        let schedule = try seedSchedule(host)
        try seedHours(schedule)
        try seedHours(schedule, start: "00:00", end: "00:00", date: "2031-05-02")
        try seedHours(schedule, start: "10:00", end: "12:00", date: "2031-05-10")
        let eventType = try seedEventType(owner: host, length: 30)
        try configure(eventType)

        let inside = try book(eventType, "2031-05-01T09:00:00Z", as: booker)
        XCTAssertEqual(inside.status, 200, inside.text)
        XCTAssertEqual(try value(#"SELECT "userId" FROM "Booking" WHERE "startTime" = '2031-05-01 09:00'"#), String(host.id))
        assertRefused(try book(eventType, "2031-05-01T16:45:00Z", as: booker), 400, "no_available_users_found_error")
        assertRefused(try book(eventType, "2031-05-01T08:45:00Z", as: booker), 400, "no_available_users_found_error")
        assertRefused(try book(eventType, "2031-05-03T10:00:00Z", as: booker), 400, "no_available_users_found_error")
        assertRefused(try book(eventType, "2031-05-02T10:00:00Z", as: booker), 400, "no_available_users_found_error")
        XCTAssertEqual(try book(eventType, "2031-05-10T11:30:00Z", as: booker).status, 200, "an override opens a Saturday")
        assertRefused(try book(eventType, "2031-05-10T12:00:00Z", as: booker), 400, "no_available_users_found_error")
        XCTAssertEqual(try bookingCount(), "2")
    }

    func testUserWithoutScheduleGetsTheDefaultWorkingHours() throws {
        let host = try seedUser("host")
        _ = try db.query(#"UPDATE users SET "timeZone" = 'Asia/Tokyo' WHERE id = $1::int"#, [.text(String(host.id))])
        let eventType = try seedEventType(owner: host, length: 60)
        XCTAssertEqual(try book(eventType, "2031-05-01T00:00:00Z", as: host).status, 200, "09:00 in Tokyo")
        assertRefused(try book(eventType, "2031-05-01T08:00:00Z", as: host), 400, "no_available_users_found_error")
    }

    func testMinimumBookingNotice() throws {
        let host = try seedUser("host")
        let schedule = try seedSchedule(host)
        try seedHours(schedule, days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00")
        let eventType = try seedEventType(owner: host, length: 30)
        try configure(eventType, notice: 120)
        let format = ISO8601DateFormatter()
        let soon = format.string(from: Date().addingTimeInterval(3600))
        let later = format.string(from: Date().addingTimeInterval(3 * 3600))
        assertRefused(try book(eventType, soon, as: host), 400, "no_available_users_found_error")
        XCTAssertEqual(try book(eventType, later, as: host).status, 200)
        XCTAssertEqual(try bookingCount(), "1")
    }

    func testBuffersAroundAcceptedBookings() throws {
        let host = try seedUser("host")
        let schedule = try seedSchedule(host)
        try seedHours(schedule)
        let eventType = try seedEventType(owner: host, length: 30)
        try configure(eventType, before: 10, after: 15)
        try seedBooking(host, start: "2031-05-01T10:00:00Z", end: "2031-05-01T10:30:00Z", eventTypeId: eventType)
        try seedBooking(host, start: "2031-05-01T12:00:00Z", end: "2031-05-01T12:30:00Z", status: "cancelled", eventTypeId: eventType)

        assertRefused(try book(eventType, "2031-05-01T10:30:00Z", as: host), 400, "no_available_users_found_error")
        assertRefused(try book(eventType, "2031-05-01T09:30:00Z", as: host), 400, "no_available_users_found_error")
        assertRefused(try book(eventType, "2031-05-01T10:50:00Z", as: host), 400, "no_available_users_found_error")
        XCTAssertEqual(try book(eventType, "2031-05-01T10:55:00Z", as: host).status, 200, "15 after its end plus 10 before this one")
        XCTAssertEqual(try book(eventType, "2031-05-01T12:00:00Z", as: host).status, 200, "cancelled bookings do not block")
        XCTAssertEqual(try bookingCount(), "4")
    }

    func testSeatsFillUpOneBooking() throws {
        let host = try seedUser("host")
        let schedule = try seedSchedule(host)
        try seedHours(schedule)
        let eventType = try seedEventType(owner: host, length: 30)
        try configure(eventType, seats: 2)
        let first = try book(eventType, "2031-05-01T09:00:00Z", as: host, email: "one@example.com")
        XCTAssertEqual(first.status, 200, first.text)
        let second = try book(eventType, "2031-05-01T09:00:00Z", as: host, email: "two@example.com")
        XCTAssertEqual(second.status, 200, second.text)
        XCTAssertEqual(second.json["id"] as? Int, first.json["id"] as? Int, "a seat in the same booking")
        XCTAssertEqual((second.json["attendees"] as? [[String: Any]])?.compactMap { $0["email"] as? String }, ["one@example.com", "two@example.com"])
        assertRefused(try book(eventType, "2031-05-01T09:00:00Z", as: host, email: "three@example.com"), 400, "booking_seats_full_error")
        assertRefused(try book(eventType, "2031-05-01T09:15:00Z", as: host), 400, "no_available_users_found_error")
        XCTAssertEqual(try bookingCount(), "1")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Attendee""#), "2")
    }

    func testScheduleTimeZoneAcrossADaylightSavingChange() throws {
        let host = try seedUser("host")
        let schedule = try seedSchedule(host, timeZone: "America/New_York")
        try seedHours(schedule)
        let eventType = try seedEventType(owner: host, length: 60)
        try configure(eventType)
        XCTAssertEqual(try book(eventType, "2031-03-07T14:00:00Z", as: host).status, 200, "Friday 09:00 EST")
        assertRefused(try book(eventType, "2031-03-07T13:00:00Z", as: host), 400, "no_available_users_found_error")
        XCTAssertEqual(try book(eventType, "2031-03-10T13:00:00Z", as: host).status, 200, "Monday 09:00 EDT")
        assertRefused(try book(eventType, "2031-03-10T20:30:00Z", as: host), 400, "no_available_users_found_error")

        let response = try call("GET", "/v1/availability?userId=\(host.id)&dateFrom=2031-03-07&dateTo=2031-03-11", as: host)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["timeZone"] as? String, "America/New_York")
        XCTAssertEqual(ranges(response.json, "dateRanges"),
                       ["2031-03-07T14:00:00.000Z/2031-03-07T22:00:00.000Z", "2031-03-10T13:00:00.000Z/2031-03-10T21:00:00.000Z"])
        XCTAssertEqual(ranges(response.json, "busy"),
                       ["2031-03-07T14:00:00.000Z/2031-03-07T15:00:00.000Z", "2031-03-10T13:00:00.000Z/2031-03-10T14:00:00.000Z"])
        let hours = try XCTUnwrap(response.json["workingHours"] as? [[String: Any]])
        XCTAssertEqual(hours.count, 1)
        XCTAssertEqual(hours[0]["days"] as? [Int], [1, 2, 3, 4, 5])
        XCTAssertEqual(hours[0]["startTime"] as? Int, 540)
        XCTAssertEqual(hours[0]["endTime"] as? Int, 1020)
        XCTAssertEqual(hours[0]["userId"] as? Int, Int(host.id))
    }

    /// What GET reports free is bookable; what it reports busy is refused.
    func testAvailabilityAgreesWithBookingCreation() throws {
        let host = try seedUser("host")
        let stranger = try seedUser("stranger")
        let schedule = try seedSchedule(host, timeZone: "Europe/Berlin")
        try seedHours(schedule, days: [4], start: "09:00", end: "11:00")
        try seedHours(schedule, days: [4], start: "11:00", end: "12:00")
        try seedHours(schedule, start: "14:00", end: "15:00", date: "2031-05-03")
        let eventType = try seedEventType(owner: host, length: 60)
        try configure(eventType, after: 30)
        try seedBooking(host, start: "2031-05-01T08:00:00Z", end: "2031-05-01T08:30:00Z")

        let path = "/v1/availability?username=host&dateFrom=2031-05-01T00:00:00Z&dateTo=2031-05-04T00:00:00Z&eventTypeId=\(eventType)"
        let before = try call("GET", path, as: stranger)
        XCTAssertEqual(before.status, 200, before.text)
        XCTAssertEqual(ranges(before.json, "dateRanges"),
                       ["2031-05-01T07:00:00.000Z/2031-05-01T10:00:00.000Z", "2031-05-03T12:00:00.000Z/2031-05-03T13:00:00.000Z"],
                       "adjacent hours merged; the override opens a Saturday")
        XCTAssertEqual(ranges(before.json, "busy"), ["2031-05-01T07:30:00.000Z/2031-05-01T08:30:00.000Z"],
                       "the booking widened by this event type's 30 minutes after")
        XCTAssertEqual(ranges(before.json, "dateOverrides"), ["2031-05-03T12:00:00.000Z/2031-05-03T13:00:00.000Z"])
        XCTAssertTrue(before.json["currentSeats"] is NSNull)

        assertRefused(try book(eventType, "2031-05-01T07:00:00Z", as: stranger), 400, "no_available_users_found_error")
        XCTAssertEqual(try book(eventType, "2031-05-01T08:30:00Z", as: stranger).status, 200, "right after the busy entry")
        XCTAssertEqual(try book(eventType, "2031-05-03T12:00:00Z", as: stranger).status, 200, "the override's range")
        assertRefused(try book(eventType, "2031-05-02T08:00:00Z", as: stranger), 400, "no_available_users_found_error")

        let after = try call("GET", path, as: stranger)
        XCTAssertEqual(ranges(after.json, "busy"), ["2031-05-01T07:30:00.000Z/2031-05-01T08:30:00.000Z",
                                                    "2031-05-01T08:00:00.000Z/2031-05-01T10:00:00.000Z",
                                                    "2031-05-03T11:30:00.000Z/2031-05-03T13:30:00.000Z"])
        let seats = try seedEventType(owner: host, slug: "seats", length: 60)
        try configure(seats, seats: 3)
        let seated = try call("GET", "/v1/users/\(host.id)/availability?dateFrom=2031-05-01&dateTo=2031-05-02&eventTypeId=\(seats)", as: stranger)
        XCTAssertEqual(seated.status, 200, seated.text)
        XCTAssertEqual((seated.json["currentSeats"] as? [Any])?.count, 0)
    }

    func testQueryValidationAndTeamAuthorization() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let owner = try seedUser("owner")
        let member = try seedUser("member")
        let invited = try seedUser("invited")
        let stranger = try seedUser("stranger")
        let team = try seedTeam("Team")
        try seedMembership(owner, team, role: "OWNER")
        try seedMembership(member, team, role: "MEMBER")
        try seedMembership(invited, team, role: "ADMIN", accepted: false)
        let dates = "dateFrom=2031-05-01&dateTo=2031-05-02"

        let cases: [(String, Int, String)] = [
            ("/v1/availability?\(dates)", 400, "Either username or userId or teamId should be filled in."),
            ("/v1/availability?userId=\(owner.id)&dateTo=2031-05-02", 400, "invalid_type in 'dateFrom': Required"),
            ("/v1/availability?userId=\(owner.id)&dateFrom=soon&dateTo=2031-05-02", 400, "Invalid date range"),
            ("/v1/availability?userId=\(owner.id)&dateFrom=2031-05-03&dateTo=2031-05-02", 400, "Invalid date range"),
            ("/v1/availability?userId=999999&\(dates)", 404, "No user found"),
            ("/v1/availability?username=nobody&\(dates)", 404, "No user found"),
            ("/v1/availability?teamId=999999&\(dates)", 403, "Forbidden"),
            ("/v1/teams/\(team)/availability?\(dates)", 403, "Forbidden"),
        ]
        for (path, status, message) in cases {
            let response = try call("GET", path, as: path.contains("teams/") ? member : stranger)
            XCTAssertEqual(response.status, status, path)
            XCTAssertEqual(response.json["message"] as? String, message, path)
        }
        XCTAssertEqual(try call("GET", "/v1/availability?teamId=\(team)&\(dates)", as: stranger).status, 403)
        let missing = try call("GET", "/v1/availability?teamId=999999&\(dates)", as: admin)
        XCTAssertEqual(missing.status, 404, "only those who may see a team learn that it does not exist")
        XCTAssertEqual(missing.json["message"] as? String, "teamId not found")
        XCTAssertEqual(try call("GET", "/v1/availability?teamId=\(team)&\(dates)", as: invited).status, 200,
                       "Cal.com reads roles from every membership, accepted or not")
        XCTAssertEqual(try call("GET", "/v1/users/\(owner.id)/availability?\(dates)", as: stranger).status, 200, "no ownership check")
        XCTAssertEqual(try call("GET", "/v1/availability?\(dates)", as: nil).status, 401)
        XCTAssertEqual(try call("POST", "/v1/availability?userId=\(owner.id)&\(dates)", as: owner).status, 405)

        for caller in [owner, admin] {
            let response = try call("GET", "/v1/teams/\(team)/availability?\(dates)", as: caller)
            XCTAssertEqual(response.status, 200, response.text)
            let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            XCTAssertEqual(entries.map { $0["userId"] as? Int }, [Int(owner.id), Int(member.id)], "accepted members only")
            XCTAssertEqual(ranges(entries[0]["availability"] as? [String: Any] ?? [:], "dateRanges").count, 1,
                           "default working hours on Thursday")
        }
    }
}
