import XCTest
@testable import Host

/// Issue 8, hole 5: a non-admin only links rows they may use, only sets what Cal.com's web app lets
/// them set, and cannot tell a row they may not use from a missing one.
final class SecurityTestsLinks: APITestCase {
    private func seedCredential(_ owner: Account) throws -> Int64 {
        try XCTUnwrap(try db.query(#"INSERT INTO "Credential" (type, key, "userId") VALUES ('zoom_video', '{}', $1::int) RETURNING id"#,
                                   [.text(String(owner.id))]).int64(0, 0))
    }

    func testBookingReferencesTakeOnlyTheCallersCredentials() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        let victims = try seedCredential(victim)
        let mine = try seedCredential(attacker)
        // calapi cannot read credentials: a credential is the caller's when their own rows already use it.
        _ = try db.query(#"""
            INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId", "credentialId")
            VALUES ('sc1', $1::int, 'zoom_video', 'me', $2::int)
            """#, [.text(String(attacker.id)), .text(String(mine))])
        let booking = try seedBooking(attacker)
        let reference = try seedReference(booking)
        let create: (Int64) -> [String: Any] = { ["bookingId": booking, "type": "zoom_video", "uid": "u", "credentialId": $0] }

        let foreign = try call("POST", "/v1/booking-references", as: attacker, body: create(victims))
        XCTAssertEqual(foreign.status, 400, foreign.text)
        XCTAssertEqual(foreign.json["message"] as? String, "Bad request: credentialId invalid")
        let missing = try call("POST", "/v1/booking-references", as: attacker, body: create(987_654))
        XCTAssertEqual(missing.status, foreign.status)
        XCTAssertEqual(missing.text, foreign.text, "missing and foreign answer alike")
        let patched = try call("PATCH", "/v1/booking-references/\(reference)", as: attacker, body: ["credentialId": victims])
        XCTAssertEqual(patched.text, foreign.text)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "BookingReference" WHERE "credentialId" IS NOT NULL"#), "0")

        XCTAssertEqual(try call("POST", "/v1/booking-references", as: attacker, body: create(mine)).status, 200)
        XCTAssertEqual(try call("PATCH", "/v1/booking-references/\(reference)", as: attacker, body: ["credentialId": mine]).status, 200)
        XCTAssertEqual(try call("PATCH", "/v1/booking-references/\(reference)", as: attacker, body: ["credentialId": NSNull()]).status, 200)
        let admin = try seedUser("root", role: "ADMIN")
        XCTAssertEqual(try call("PATCH", "/v1/booking-references/\(reference)", as: admin, body: ["credentialId": victims]).status, 200)
    }

    func testTeamFlagsAreForSystemAdmins() throws {
        let user = try seedUser("mallory")
        let admin = try seedUser("root", role: "ADMIN")
        let flags: [String: Any] = ["isOrganization": true, "isPlatform": true, "smsLockReviewedByAdmin": true, "smsLockState": "LOCKED",
                                    "pendingPayment": true, "metadata": ["paymentId": "p", "orgSeats": 50, "requestedSlug": "mine"]]
        let flagged = #"SELECT "isOrganization" || ',' || "isPlatform" || ',' || "smsLockReviewedByAdmin" || ',' || "smsLockState" || ',' || "pendingPayment" || ',' || metadata::text FROM "Team" WHERE id = $1::int"#

        let created = try call("POST", "/v1/teams", as: user, body: flags.merging(["name": "Mine"]) { $1 })
        XCTAssertEqual(created.status, 200, created.text)
        let team = try XCTUnwrap(object(created, "team")["id"] as? Int)
        XCTAssertEqual(try value(flagged, [.text(String(team))]), #"false,false,false,UNLOCKED,false,{"requestedSlug": "mine"}"#)
        XCTAssertEqual(try call("PATCH", "/v1/teams/\(team)", as: user, body: flags).status, 200)
        XCTAssertEqual(try value(flagged, [.text(String(team))]), #"false,false,false,UNLOCKED,false,{"requestedSlug": "mine"}"#)

        XCTAssertEqual(try call("PATCH", "/v1/teams/\(team)", as: admin, body: flags).status, 401, "PATCH needs a team role, as in Cal.com")
        let byAdmin = try call("POST", "/v1/teams", as: admin, body: flags.merging(["name": "Org"]) { $1 })
        XCTAssertEqual(byAdmin.status, 200, byAdmin.text)
        let org = try XCTUnwrap(object(byAdmin, "team")["id"] as? Int)
        XCTAssertEqual(try value(flagged, [.text(String(org))]),
                       #"true,true,true,LOCKED,true,{"orgSeats": 50, "paymentId": "p", "requestedSlug": "mine"}"#)
        // An owner's edit keeps what an admin set.
        _ = try db.query(#"INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1::int, $2::int, 'OWNER', true)"#,
                         [.text(String(org)), .text(String(user.id))])
        XCTAssertEqual(try call("PATCH", "/v1/teams/\(org)", as: user, body: ["isOrganization": false, "metadata": ["requestedSlug": "y"]]).status, 200)
        XCTAssertEqual(try value(flagged, [.text(String(org))]),
                       #"true,true,false,LOCKED,true,{"orgSeats": 50, "paymentId": "p", "requestedSlug": "y"}"#)
    }

    func testMissingAndForeignRowsAnswerAlike() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        let personal = try seedEventType(owner: victim, slug: "personal")
        let team = try seedTeam("Victims")
        try seedMembership(victim, team, role: "OWNER")
        let teamType = try seedEventType(owner: nil, teamId: team, slug: "team")
        let payment = try seedPayment(try seedBooking(victim))

        let missingType = try call("GET", "/v1/event-types/987654", as: attacker)
        for id in [personal, teamType] {
            let foreign = try call("GET", "/v1/event-types/\(id)", as: attacker)
            XCTAssertEqual("\(foreign.status) \(foreign.text)", "\(missingType.status) \(missingType.text)", "event type \(id)")
        }
        let missingPayment = try call("GET", "/v1/payments/987654", as: attacker)
        let foreignPayment = try call("GET", "/v1/payments/\(payment)", as: attacker)
        XCTAssertEqual(foreignPayment.status, missingPayment.status, foreignPayment.text)
        XCTAssertEqual(foreignPayment.text, missingPayment.text.replacingOccurrences(of: "987654", with: String(payment)))
        let missingTeam = try call("GET", "/v1/teams/987654/availability?dateFrom=2030-01-01T00:00:00Z&dateTo=2030-01-02T00:00:00Z", as: attacker)
        let foreignTeam = try call("GET", "/v1/teams/\(team)/availability?dateFrom=2030-01-01T00:00:00Z&dateTo=2030-01-02T00:00:00Z", as: attacker)
        XCTAssertEqual("\(foreignTeam.status) \(foreignTeam.text)", "\(missingTeam.status) \(missingTeam.text)")
        let missingParent = try call("POST", "/v1/event-types", as: attacker, body: ["title": "x", "slug": "x", "length": 5, "parentId": 987_654])
        let foreignParent = try call("POST", "/v1/event-types", as: attacker, body: ["title": "x", "slug": "x", "length": 5, "parentId": personal])
        XCTAssertEqual("\(foreignParent.status) \(foreignParent.text)", "\(missingParent.status) \(missingParent.text)")
    }
}
