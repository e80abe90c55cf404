import Foundation
import XCTest
@testable import Host

/// `GET /slots` (Cal.com v1's `slots/_get.ts`): computed by the statement `POST /bookings` checks
/// with, so an offered slot books and a booked slot is not offered.
final class SlotsTests: APITestCase {
    /// 2031-05-01 is a Thursday.
    private let day = "startTime=2031-05-01T00:00:00Z&endTime=2031-05-01T23:59:59Z"

    private func slots(_ query: String, as account: Account?) throws -> HTTPClient.Response {
        try call("GET", "/v1/slots?" + query, as: account)
    }

    /// The `time` values of every day, in order.
    private func times(_ response: HTTPClient.Response) -> [String: [String]] {
        (response.json["slots"] as? [String: [[String: Any]]] ?? [:]).mapValues { $0.compactMap { $0["time"] as? String } }
    }

    private func book(_ eventType: Int64, _ start: String, as account: Account, end: String? = nil) throws -> HTTPClient.Response {
        var body: [String: Any] = ["eventTypeId": eventType, "start": start, "timeZone": "UTC", "language": "en",
                                   "metadata": [String: Any](), "responses": ["name": "Booker", "email": "booker@example.com"]]
        if let end { body["end"] = end }
        return try call("POST", "/v1/bookings", as: account, body: body)
    }

    /// Working hours 09:00–17:00 UTC on weekdays for `owner`.
    private func workingHours(_ owner: Account, timeZone: String = "UTC") throws {
        try seedHours(try seedSchedule(owner, timeZone: timeZone))
    }

    func testOfferedSlotsBookAndBookedSlotsAreNotOffered() throws {
        let host = try seedUser("host")
        let booker = try seedUser("booker")
        try workingHours(host)
        let eventType = try seedEventType(owner: host, length: 30)
        try seedBooking(host, start: "2031-05-01T10:00:00Z", end: "2031-05-01T10:30:00Z", eventTypeId: eventType)

        let response = try slots("eventTypeId=\(eventType)&" + day, as: booker)
        XCTAssertEqual(response.status, 200, response.text)
        let offered = try XCTUnwrap(times(response)["2031-05-01"])
        let minutes: [Int] = Array(stride(from: 540, to: 1020, by: 30)).filter { $0 != 600 }
        let expected: [String] = minutes.map { (minute: Int) -> String in
            String(format: "2031-05-01T%02d:%02d:00.000Z", minute / 60, minute % 60)
        }
        XCTAssertEqual(offered, expected, "every half hour but the booked one")
        XCTAssertEqual(response.json.keys.sorted(), ["slots"])

        for time in offered { XCTAssertEqual(try book(eventType, time, as: booker).status, 200, time) }
        XCTAssertEqual(try book(eventType, "2031-05-01T10:00:00Z", as: booker).status, 400, "the booked slot")
        XCTAssertEqual(times(try slots("eventTypeId=\(eventType)&" + day, as: booker)), [:], "a day fully booked offers nothing")
    }

    func testTimesInTheCallersTimeZoneGroupedByItsDays() throws {
        let host = try seedUser("host")
        try workingHours(host)
        let eventType = try seedEventType(owner: host, length: 60)
        let response = try slots("eventTypeId=\(eventType)&timeZone=Pacific/Auckland&" + day, as: host)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(times(response), [
            "2031-05-01": ["2031-05-01T21:00:00+12:00", "2031-05-01T22:00:00+12:00", "2031-05-01T23:00:00+12:00"],
            "2031-05-02": ["2031-05-02T00:00:00+12:00", "2031-05-02T01:00:00+12:00", "2031-05-02T02:00:00+12:00",
                           "2031-05-02T03:00:00+12:00", "2031-05-02T04:00:00+12:00"],
        ])
        let west = try slots("eventTypeId=\(eventType)&timeZone=America/New_York&" + day, as: host)
        XCTAssertEqual(times(west)["2031-05-01"]?.first, "2031-05-01T05:00:00-04:00")
    }

    func testIntervalDurationBuffersAndNoticeFollowTheEventType() throws {
        let host = try seedUser("host")
        try workingHours(host)
        let eventType = try seedEventType(owner: host, length: 60)
        _ = try db.query(#"""
            UPDATE "EventType" SET "slotInterval" = 45, "afterEventBuffer" = 30, metadata = '{"multipleDuration":[30,60]}' WHERE id = $1::int
            """#, [.text(String(eventType))])
        try seedBooking(host, start: "2031-05-01T13:00:00Z", end: "2031-05-01T14:00:00Z", eventTypeId: eventType)
        let hourly = try XCTUnwrap(times(try slots("eventTypeId=\(eventType)&" + day, as: host))["2031-05-01"])
        XCTAssertEqual(hourly, ["2031-05-01T09:00:00.000Z", "2031-05-01T09:45:00.000Z", "2031-05-01T10:30:00.000Z",
                                "2031-05-01T11:15:00.000Z", "2031-05-01T15:00:00.000Z", "2031-05-01T15:45:00.000Z"],
                       "every 45 minutes from 09:00; an hour, with 30 minutes after each booking, clear of 12:30–14:30")
        let short = try XCTUnwrap(times(try slots("eventTypeId=\(eventType)&duration=30&" + day, as: host))["2031-05-01"])
        XCTAssertTrue(short.contains("2031-05-01T11:15:00.000Z") && short.contains("2031-05-01T16:30:00.000Z"), "\(short)")
        XCTAssertEqual(try book(eventType, "2031-05-01T16:30:00Z", as: host, end: "2031-05-01T17:00:00Z").status, 200, "a 30-minute slot books")
        let odd = try XCTUnwrap(times(try slots("eventTypeId=\(eventType)&duration=20&" + day, as: host))["2031-05-01"])
        XCTAssertEqual(odd, hourly.filter { $0 != "2031-05-01T15:45:00.000Z" }, "a duration the event type does not offer: its length, clear of the new booking")

        _ = try db.query(#"UPDATE "EventType" SET "minimumBookingNotice" = 120, "slotInterval" = NULL WHERE id = $1::int"#, [.text(String(eventType))])
        let now = Date()
        let format = ISO8601DateFormatter()
        let soon = try slots("eventTypeId=\(eventType)&startTime=\(format.string(from: now))&endTime=\(format.string(from: now.addingTimeInterval(7 * 86_400)))", as: host)
        let first = try XCTUnwrap(times(soon).values.flatMap { $0 }.compactMap { format.date(from: $0.replacingOccurrences(of: ".000", with: "")) }.min())
        XCTAssertGreaterThanOrEqual(first.timeIntervalSince(now), 7200, "nothing inside the two hours of notice")
    }

    func testSeatedSlotsShowTheSeatsTaken() throws {
        let host = try seedUser("host")
        try workingHours(host)
        let eventType = try seedEventType(owner: host, length: 60)
        _ = try db.query(#"UPDATE "EventType" SET "seatsPerTimeSlot" = 2 WHERE id = $1::int"#, [.text(String(eventType))])
        let booking = try seedBooking(host, start: "2031-05-01T09:00:00Z", end: "2031-05-01T10:00:00Z", eventTypeId: eventType)
        try seedAttendee(booking, email: "first@example.com")
        var first = try XCTUnwrap((try slots("eventTypeId=\(eventType)&" + day, as: host).json["slots"] as? [String: [[String: Any]]])?["2031-05-01"]?.first)
        XCTAssertEqual(first["time"] as? String, "2031-05-01T09:00:00.000Z")
        XCTAssertEqual(first["attendees"] as? Int, 1)
        XCTAssertEqual(first["bookingUid"] as? String, try value(#"SELECT uid FROM "Booking" WHERE id = $1::int"#, [.text(String(booking))]))
        try seedAttendee(booking, email: "second@example.com")
        first = try XCTUnwrap((try slots("eventTypeId=\(eventType)&" + day, as: host).json["slots"] as? [String: [[String: Any]]])?["2031-05-01"]?.first)
        XCTAssertEqual(first["time"] as? String, "2031-05-01T10:00:00.000Z", "a full seated slot is not offered")
    }

    func testEventTypeByUsernameOrTeamSlug() throws {
        let host = try seedUser("host")
        let other = try seedUser("other")
        try workingHours(host)
        _ = try seedEventType(owner: other, slug: "intro", length: 60)
        let mine = try seedEventType(owner: host, slug: "intro", length: 60)
        try seedBooking(host, start: "2031-05-01T09:00:00Z", end: "2031-05-01T10:00:00Z", eventTypeId: mine)
        let byName = try slots("usernameList=host&eventTypeSlug=intro&" + day, as: other)
        XCTAssertEqual(times(byName)["2031-05-01"]?.first, "2031-05-01T10:00:00.000Z", "host's intro, not other's")
        XCTAssertEqual(try slots("usernameList=host&eventTypeId=\(mine)&" + day, as: other).status, 200, "eventTypeId wins with one username")

        let team = try seedTeam("Team", slug: "crew")
        let teamEvent = try seedEventType(owner: nil, teamId: team, slug: "standup", length: 60)
        for member in [host, other] {
            _ = try db.query(#"INSERT INTO "Host" ("userId", "eventTypeId") VALUES ($1::int, $2::int)"#, [.text(String(member.id)), .text(String(teamEvent))])
        }
        try seedBooking(host, start: "2031-05-01T11:00:00Z", end: "2031-05-01T12:00:00Z", eventTypeId: teamEvent)
        let teamSlots = try XCTUnwrap(times(try slots("usernameList=crew&eventTypeSlug=standup&isTeamEvent=true&" + day, as: host))["2031-05-01"])
        XCTAssertEqual(teamSlots.first, "2031-05-01T08:00:00.000Z", "other has no schedule: Cal.com's default hours, in London's summer time")
        XCTAssertTrue(teamSlots.contains("2031-05-01T09:00:00.000Z") && teamSlots.contains("2031-05-01T11:00:00.000Z"),
                      "a slot one host is taken for is offered while another is free: \(teamSlots)")
        XCTAssertEqual(try slots("usernameList=crew&eventTypeSlug=standup&" + day, as: host).status, 404, "without isTeamEvent it is a username")
    }

    func testAuthorizationAndBadInput() throws {
        let host = try seedUser("host")
        let stranger = try seedUser("stranger")
        try workingHours(host)
        let eventType = try seedEventType(owner: host, length: 60)
        XCTAssertEqual(try slots("eventTypeId=\(eventType)&" + day, as: nil).status, 401)
        XCTAssertEqual(try slots("eventTypeId=\(eventType)&" + day, as: stranger).status, 200, "slots are public, as on the booking page")

        let cases: [(String, Int, String)] = [
            ("eventTypeId=\(eventType)&endTime=2031-05-02T00:00:00Z", 400, "invalid_type in 'startTime': Required"),
            ("eventTypeId=\(eventType)&startTime=soon&endTime=2031-05-02T00:00:00Z", 400, "custom in 'startTime': startTime must be a valid date string"),
            ("eventTypeId=\(eventType)&startTime=2031-05-02T00:00:00Z&endTime=2031-05-01T00:00:00Z", 400, "custom in 'endTime': endTime must be after startTime"),
            (day, 400, "You need to either pass an eventTypeId OR an usernameList/eventTypeSlug combination"),
            ("eventTypeSlug=intro&startTime=2031-05-02T00:00:00Z&endTime=2031-05-01T00:00:00Z", 400,
             "You need to either pass an eventTypeId OR an usernameList/eventTypeSlug combination; custom in 'endTime': endTime must be after startTime"),
            ("eventTypeId=abc&" + day, 400, "invalid_type in 'eventTypeId': Expected number, received nan"),
            ("eventTypeId=\(eventType)&timeZone=Mars/Olympus&" + day, 400, "custom in 'timeZone': Invalid timezone"),
            ("eventTypeId=\(eventType)&startTime=2031-01-01T00:00:00Z&endTime=3031-01-01T00:00:00Z", 400,
             "The period from startTime to endTime must not be longer than 400 days (limits.max_availability_days)"),
            ("usernameList=host&usernameList=stranger&eventTypeSlug=intro&" + day, 400, "Slots of dynamic group events (several usernames) are not supported"),
            ("eventTypeId=999999&" + day, 404, "NOT_FOUND"),
            ("usernameList=nobody&eventTypeSlug=intro&" + day, 404, "NOT_FOUND"),
        ]
        for (query, status, message) in cases {
            let response = try slots(query, as: stranger)
            XCTAssertEqual(response.status, status, query)
            XCTAssertEqual(response.json["message"] as? String, message, query)
        }
        XCTAssertEqual(try call("POST", "/v1/slots", as: stranger).status, 405)
    }
}
