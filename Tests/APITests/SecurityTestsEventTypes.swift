import XCTest
@testable import Host

/// Issue 8, hole 4: `PATCH /event-types/{id}` checks what `POST` checks (one function for both):
/// a managed parent of a team the caller administers, a schedule of the event type's owner (or of
/// the host, for `hosts[].scheduleId`), and hosts only where they mean something.
final class SecurityTestsEventTypes: APITestCase {
    private func seedSchedule(_ owner: Account, name: String = "Private hours") throws -> Int64 {
        try XCTUnwrap(try db.query(#"INSERT INTO "Schedule" ("userId", name) VALUES ($1::int, $2) RETURNING id"#,
                                   [.text(String(owner.id)), .text(name)]).int64(0, 0))
    }

    private func column(_ name: String, of eventType: Int64) throws -> String? {
        try value(#"SELECT "\#(name)"::text FROM "EventType" WHERE id = $1::int"#, [.text(String(eventType))])
    }

    func testPatchChecksTheManagedParentLikePost() throws {
        let owner = try seedUser("olga")
        let member = try seedUser("mallory")
        let team = try seedTeam("Sales")
        try seedMembership(owner, team, role: "OWNER")
        try seedMembership(member, team, role: "MEMBER")
        let managed = try seedEventType(owner: nil, teamId: team, slug: "managed")
        let own = try seedEventType(owner: member, slug: "mine")

        let attached = try call("PATCH", "/v1/event-types/\(own)", as: member, body: ["parentId": managed])
        XCTAssertEqual(attached.status, 403, attached.text)
        XCTAssertEqual(attached.json["message"] as? String, "User is not authorized to access the team to which the parent event type belongs.")
        XCTAssertNil(try column("parentId", of: own))
        // A parent that does not exist answers the same to a non-admin: no existence oracle.
        let missing = try call("PATCH", "/v1/event-types/\(own)", as: member, body: ["parentId": 987_654])
        XCTAssertEqual(missing.status, 403, missing.text)
        XCTAssertEqual(missing.json["message"] as? String, attached.json["message"] as? String)
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(own)", as: member, body: ["parentId": NSNull()]).status, 200)

        // The team's OWNER may attach a member's event type as a managed child.
        let byOwner = try call("POST", "/v1/event-types", as: owner, body: ["title": "x", "slug": "x", "length": 5, "parentId": managed])
        XCTAssertEqual(byOwner.status, 200, byOwner.text)
    }

    func testScheduleMustBelongToTheOwner() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        let victims = try seedSchedule(victim)
        let mine = try seedSchedule(attacker, name: "Mine")
        let own = try seedEventType(owner: attacker, slug: "mine")

        let created = try call("POST", "/v1/event-types", as: attacker, body: ["title": "x", "slug": "x", "length": 5, "scheduleId": victims])
        XCTAssertEqual(created.status, 400, created.text)
        XCTAssertEqual(created.json["message"] as? String, "scheduleId must be a schedule of the event type's owner")
        let patched = try call("PATCH", "/v1/event-types/\(own)", as: attacker, body: ["scheduleId": victims])
        XCTAssertEqual(patched.status, 400, patched.text)
        XCTAssertEqual(patched.json["message"] as? String, created.json["message"] as? String)
        let missing = try call("PATCH", "/v1/event-types/\(own)", as: attacker, body: ["scheduleId": 987_654])
        XCTAssertEqual(missing.json["message"] as? String, created.json["message"] as? String, "missing and foreign answer alike")
        XCTAssertNil(try column("scheduleId", of: own))
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType""#), "1")

        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(own)", as: attacker, body: ["scheduleId": mine]).status, 200)
        XCTAssertEqual(try column("scheduleId", of: own), String(mine))
    }

    func testHostSchedulesAndPersonalHosts() throws {
        let admin = try seedUser("tina")
        let member = try seedUser("bob")
        let stranger = try seedUser("victor")
        let team = try seedTeam("Crew")
        try seedMembership(admin, team, role: "ADMIN")
        try seedMembership(member, team, role: "MEMBER")
        let teamType = try seedEventType(owner: nil, teamId: team, slug: "crew")
        let membersSchedule = try seedSchedule(member)
        let strangersSchedule = try seedSchedule(stranger)

        let borrowed = try call("PATCH", "/v1/event-types/\(teamType)", as: admin,
                                body: ["hosts": [["userId": admin.id, "scheduleId": membersSchedule]]])
        XCTAssertEqual(borrowed.status, 400, borrowed.text)
        XCTAssertEqual(borrowed.json["message"] as? String, "hosts[].scheduleId must be a schedule of that host")
        let foreign = try call("POST", "/v1/event-types", as: admin,
                               body: ["title": "x", "slug": "x", "length": 5, "teamId": team,
                                      "hosts": [["userId": member.id, "scheduleId": strangersSchedule]]])
        XCTAssertEqual(foreign.status, 400, foreign.text)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Host""#), "0")
        let own = try call("PATCH", "/v1/event-types/\(teamType)", as: admin,
                           body: ["hosts": [["userId": member.id, "scheduleId": membersSchedule]]])
        XCTAssertEqual(own.status, 200, own.text)

        // A personal event type has no team: its owner is its only possible host.
        let personal = try seedEventType(owner: member, slug: "solo")
        for body: [String: Any] in [["hosts": [["userId": stranger.id]]]] {
            let patched = try call("PATCH", "/v1/event-types/\(personal)", as: member, body: body)
            XCTAssertEqual(patched.status, 400, patched.text)
            XCTAssertEqual(patched.json["message"] as? String, "Only the owner can host a personal event type")
        }
        let created = try call("POST", "/v1/event-types", as: member,
                               body: ["title": "y", "slug": "y", "length": 5, "hosts": [["userId": stranger.id]]])
        XCTAssertEqual(created.status, 400, created.text)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Host" WHERE "userId" = $1::int"#, [.text(String(stranger.id))]), "0")
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(personal)", as: member, body: ["hosts": [["userId": member.id]]]).status, 200)
    }
}
