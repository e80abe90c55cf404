import XCTest
@testable import Host

/// Issue 8, holes 2 and 3: access to a booking through an attendee's email is read and cancel only,
/// and only while that email was not claimed through the API without verification; confirming,
/// rejecting, rescheduling or editing a booking is for the organizer's side; a booking moves only
/// to an event type the caller may use.
final class SecurityTestsBookings: APITestCase {
    private func setVerified(_ account: Account) throws {
        _ = try db.query(#"UPDATE users SET "emailVerified" = now() WHERE id = $1::int"#, [.text(String(account.id))])
    }

    private func status(_ booking: Int64) throws -> String? {
        try value(#"SELECT status::text FROM "Booking" WHERE id = $1::int"#, [.text(String(booking))])
    }

    func testClaimingAnAttendeeEmailGrantsNothing() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        try setVerified(attacker)
        let own = try seedEventType(owner: attacker, slug: "mine")
        let booking = try seedBooking(victim, title: "Board meeting")
        try seedAttendee(booking, email: "carol@example.com", name: "Carol")

        let claimed = try call("PATCH", "/v1/users/\(attacker.id)", as: attacker, body: ["email": "Carol@example.com"])
        XCTAssertEqual(claimed.status, 200, claimed.text)
        XCTAssertTrue(object(claimed, "user")["emailVerified"] is NSNull, "an email changed through the API is no longer verified")
        XCTAssertEqual(try value(#"SELECT email FROM calapi_unverified_email WHERE user_id = $1::int"#, [.text(String(attacker.id))]),
                       "carol@example.com")

        let read = try call("GET", "/v1/bookings/\(booking)", as: attacker)
        XCTAssertEqual(read.status, 403, read.text)
        XCTAssertFalse(read.text.contains("Board meeting"))
        let moved = try call("PATCH", "/v1/bookings/\(booking)", as: attacker, body: ["eventTypeId": own])
        XCTAssertEqual(moved.status, 403, moved.text)
        let cancelled = try call("DELETE", "/v1/bookings/\(booking)", as: attacker)
        XCTAssertEqual(cancelled.status, 403, cancelled.text)
        XCTAssertEqual(try value(#"SELECT COALESCE("eventTypeId"::text, 'none') || ':' || status::text FROM "Booking" WHERE id = $1::int"#,
                                 [.text(String(booking))]), "none:accepted")

        // Once the address is verified (Cal.com's web app sets emailVerified), the attendee reads it.
        try setVerified(attacker)
        XCTAssertEqual(try call("GET", "/v1/bookings/\(booking)", as: attacker).status, 200)
    }

    func testAdminsChangingAnEmailKeepItsVerification() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let carol = try seedUser("carol")
        try setVerified(carol)
        let booking = try seedBooking(try seedUser("victor"))
        try seedAttendee(booking, email: "carol@work.example")
        let changed = try call("PATCH", "/v1/users/\(carol.id)", as: admin, body: ["email": "carol@work.example"])
        XCTAssertEqual(changed.status, 200, changed.text)
        XCTAssertFalse(object(changed, "user")["emailVerified"] is NSNull)
        XCTAssertEqual(try value("SELECT count(*) FROM calapi_unverified_email"), "0")
        XCTAssertEqual(try call("GET", "/v1/bookings/\(booking)", as: carol).status, 200)
    }

    func testAnAttendeeReadsAndCancelsButNeverEdits() throws {
        let organizer = try seedUser("victor")
        let carol = try seedUser("carol")  // never changed her email through the API: Cal.com's access stays
        let eventType = try seedEventType(owner: organizer, slug: "needs-ok", requiresConfirmation: true)
        let carols = try seedEventType(owner: carol, slug: "carols")
        let booking = try seedBooking(organizer, status: "pending", eventTypeId: eventType)
        try seedAttendee(booking, email: "carol@example.com")

        XCTAssertEqual(try call("GET", "/v1/bookings/\(booking)", as: carol).status, 200)
        let confirm = try call("POST", "/v1/bookings/\(booking)/confirm", as: carol, body: ["confirmed": true])
        XCTAssertEqual(confirm.status, 403, confirm.text)
        let reject = try call("POST", "/v1/bookings/\(booking)/confirm", as: carol, body: ["confirmed": false])
        XCTAssertEqual(reject.status, 403, reject.text)
        for body: [String: Any] in [["status": "ACCEPTED"], ["startTime": "2031-01-01T10:00:00Z", "endTime": "2031-01-01T10:30:00Z"],
                                    ["title": "Renamed"], ["eventTypeId": carols]] {
            let edit = try call("PATCH", "/v1/bookings/\(booking)", as: carol, body: body)
            XCTAssertEqual(edit.status, 403, "\(body): \(edit.text)")
        }
        XCTAssertEqual(try value(#"SELECT status::text || title || "eventTypeId" || "startTime"::text FROM "Booking" WHERE id = $1::int"#,
                                 [.text(String(booking))]), "pendingMeeting\(eventType)2030-01-01 10:00:00")

        let cancel = try call("DELETE", "/v1/bookings/\(booking)", as: carol)
        XCTAssertEqual(cancel.status, 200, cancel.text)
        XCTAssertEqual(try status(booking), "cancelled")
    }

    func testOrganizerSideConfirmsAndReschedules() throws {
        let organizer = try seedUser("victor")
        let owner = try seedUser("olga")
        let teamAdmin = try seedUser("tina")
        let team = try seedTeam("Crew")
        try seedMembership(teamAdmin, team, role: "ADMIN")
        let personal = try seedEventType(owner: owner, slug: "olgas", requiresConfirmation: true)
        let teamType = try seedEventType(owner: nil, teamId: team, slug: "crew", requiresConfirmation: true)

        let first = try seedBooking(organizer, status: "pending", eventTypeId: personal)
        let byOrganizer = try call("POST", "/v1/bookings/\(first)/confirm", as: organizer, body: ["confirmed": true])
        XCTAssertEqual(byOrganizer.status, 200, byOrganizer.text)
        let second = try seedBooking(organizer, status: "pending", eventTypeId: personal)
        XCTAssertEqual(try call("POST", "/v1/bookings/\(second)/confirm", as: owner, body: ["confirmed": false]).status, 200)
        XCTAssertEqual(try status(second), "rejected")
        let third = try seedBooking(organizer, status: "pending", eventTypeId: teamType)
        let moved = try call("PATCH", "/v1/bookings/\(third)", as: teamAdmin, body: ["startTime": "2031-01-01T10:00:00Z", "status": "ACCEPTED"])
        XCTAssertEqual(moved.status, 200, moved.text)
        XCTAssertEqual(try status(third), "accepted")
    }

    func testABookingMovesOnlyToAnEventTypeTheCallerMayUse() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedTeam("Crew")
        let memberTeam = try seedTeam("Others")
        try seedMembership(alice, team, role: "ADMIN")
        try seedMembership(alice, memberTeam, role: "MEMBER")
        let own = try seedEventType(owner: alice, slug: "own")
        let bobs = try seedEventType(owner: bob, slug: "bobs")
        let administered = try seedEventType(owner: nil, teamId: team, slug: "crew")
        let memberOnly = try seedEventType(owner: nil, teamId: memberTeam, slug: "others")
        let hosted = try seedEventType(owner: nil, teamId: memberTeam, slug: "hosted")
        _ = try db.query(#"INSERT INTO "Host" ("userId", "eventTypeId", "isFixed") VALUES ($1::int, $2::int, false)"#,
                         [.text(String(alice.id)), .text(String(hosted))])
        let booking = try seedBooking(alice)
        let path = "/v1/bookings/\(booking)"

        for target in [bobs, memberOnly, 987_654] {
            let refused = try call("PATCH", path, as: alice, body: ["eventTypeId": target])
            XCTAssertEqual(refused.status, 403, "\(target): \(refused.text)")
            XCTAssertEqual(refused.json["message"] as? String, "You can't use this event type")
        }
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Booking" WHERE "eventTypeId" IS NOT NULL"#), "0")
        for target in [own, administered, hosted] {
            let accepted = try call("PATCH", path, as: alice, body: ["eventTypeId": target])
            XCTAssertEqual(accepted.status, 200, "\(target): \(accepted.text)")
        }
        XCTAssertEqual(try call("PATCH", path, as: alice, body: ["eventTypeId": NSNull()]).status, 200, "null detaches")
        XCTAssertEqual(try call("PATCH", path, as: admin, body: ["eventTypeId": bobs]).status, 200)
        XCTAssertEqual(try call("PATCH", path, as: admin, body: ["eventTypeId": 987_654]).status, 400)
    }
}
