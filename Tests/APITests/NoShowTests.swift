import XCTest
@testable import Host

/// `POST /no-show` (Cal.com v1's `no-show/_post.ts` and its middleware).
final class NoShowTests: APITestCase {
    private func uid(_ booking: Int64) throws -> String {
        try XCTUnwrap(try value(#"SELECT uid FROM "Booking" WHERE id = $1::int"#, [.text(String(booking))]))
    }

    private func noShow(_ attendee: Int64) throws -> String? {
        try value(#"SELECT "noShow"::text FROM "Attendee" WHERE id = $1::int"#, [.text(String(attendee))])
    }

    /// The answer's `attendees` as "email=noShow" strings.
    private func marked(_ response: HTTPClient.Response) -> [String] {
        (response.json["attendees"] as? [[String: Any]] ?? []).map { "\($0["email"] as? String ?? "")=\($0["noShow"] as? Bool ?? false)" }
    }

    private func mark(_ booking: Int64, _ attendees: [[String: Any]], as account: Account) throws -> HTTPClient.Response {
        try call("POST", "/v1/no-show", as: account, body: ["bookingUid": try uid(booking), "attendees": attendees])
    }

    func testOrganizerMarksAndUnmarksAttendees() throws {
        let host = try seedUser("host")
        let booking = try seedBooking(host, start: "2024-01-01T10:00:00Z", end: "2024-01-01T10:30:00Z")
        let ann = try seedAttendee(booking, email: "ann@example.com")
        let bob = try seedAttendee(booking, email: "bob@example.com")

        let one = try mark(booking, [["email": "Ann@Example.com", "noShow": true]], as: host)
        XCTAssertEqual(one.status, 200, one.text)
        XCTAssertEqual(one.json["message"] as? String, "ann@example.com marked as no-show")
        XCTAssertEqual(marked(one), ["ann@example.com=true"])
        XCTAssertEqual(one.json["noShowHost"] as? Bool, false)
        XCTAssertEqual(try noShow(ann), "true")
        XCTAssertEqual(try noShow(bob), "false")

        let both = try mark(booking, [["email": "bob@example.com", "noShow": true], ["email": "ann@example.com", "noShow": false],
                                      ["email": "nobody@example.com", "noShow": true]], as: host)
        XCTAssertEqual(both.json["message"] as? String, "No-show status updated")
        XCTAssertEqual(marked(both), ["bob@example.com=true", "ann@example.com=false"], "in the order given; unknown emails left out")
        XCTAssertEqual(try noShow(ann), "false")
        XCTAssertEqual(try noShow(bob), "true")

        let unmark = try mark(booking, [["email": "bob@example.com", "noShow": false]], as: host)
        XCTAssertEqual(unmark.json["message"] as? String, "bob@example.com unmarked as no-show")
        let nothing = try call("POST", "/v1/no-show", as: host, body: ["bookingUid": try uid(booking)])
        XCTAssertEqual(nothing.status, 200)
        XCTAssertEqual(nothing.json["message"] as? String, "")
    }

    func testWhoMayMark() throws {
        let host = try seedUser("host")
        let member = try seedUser("member")
        let booker = try seedUser("booker")
        let stranger = try seedUser("stranger")
        let admin = try seedUser("admin", role: "ADMIN")
        let team = try seedTeam("Team")
        try seedMembership(member, team, role: "MEMBER")
        let teamEvent = try seedEventType(owner: nil, teamId: team, slug: "standup")
        let booking = try seedBooking(host, start: "2024-01-01T10:00:00Z", end: "2024-01-01T10:30:00Z", eventTypeId: teamEvent)
        let attendee = try seedAttendee(booking, email: "booker@example.com")
        let own = try seedBooking(stranger, start: "2024-01-01T10:00:00Z", end: "2024-01-01T10:30:00Z")
        let entry: [[String: Any]] = [["email": "booker@example.com", "noShow": true]]

        for account in [booker, stranger] {
            let refused = try mark(booking, entry, as: account)
            XCTAssertEqual(refused.status, 403, "\(account.id)")
            XCTAssertEqual(refused.json["message"] as? String, "You are not authorized")
        }
        XCTAssertEqual(try noShow(attendee), "false", "the booker (an attendee by email) may not mark anyone")
        XCTAssertEqual(try mark(own, entry, as: member).status, 403, "a booking of someone else's personal event")
        XCTAssertEqual(try mark(booking, entry, as: member).status, 200, "a member of the event type's team")
        XCTAssertEqual(try mark(booking, entry, as: admin).status, 200)
        XCTAssertEqual(try noShow(attendee), "true")

        let missing = ["bookingUid": "no-such-booking", "attendees": entry] as [String: Any]
        let hidden = try call("POST", "/v1/no-show", as: stranger, body: missing)
        XCTAssertEqual(hidden.status, 403, "a missing booking answers like someone else's")
        XCTAssertEqual(hidden.json["message"] as? String, "You are not authorized")
        XCTAssertEqual(try call("POST", "/v1/no-show", as: admin, body: missing).status, 404)
        XCTAssertEqual(try call("POST", "/v1/no-show", as: nil, body: missing).status, 401)
    }

    func testNotBeforeTheMeetingStartsAndBadBodies() throws {
        let host = try seedUser("host")
        let future = try seedBooking(host, start: "2031-01-01T10:00:00Z", end: "2031-01-01T10:30:00Z")
        let attendee = try seedAttendee(future, email: "ann@example.com")
        let early = try mark(future, [["email": "ann@example.com", "noShow": true]], as: host)
        XCTAssertEqual(early.status, 403)
        XCTAssertEqual(early.json["message"] as? String, "Cannot mark no-show before the meeting has started.")
        XCTAssertEqual(try noShow(attendee), "false")

        let cases: [(Any, String)] = [
            (["attendees": [[String: Any]]()], "invalid_type in 'bookingUid': Required"),
            (["bookingUid": 5], "invalid_type in 'bookingUid': Expected string, received number"),
            (["bookingUid": "x", "attendees": [["email": "ann@example.com"]]], "invalid_type in 'attendees,0,noShow': Required"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/no-show", as: host, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        XCTAssertEqual(try call("GET", "/v1/no-show", as: host).status, 405)
    }
}
