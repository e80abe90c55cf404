import XCTest
@testable import Host

/// `/memberships` and `/memberships/{userId}_{teamId}` (core.md §4), with the rows checked after each write.
final class MembershipsTests: APITestCase {
    static let fields: Set<String> = ["id", "teamId", "userId", "accepted", "role", "disableImpersonation"]

    private func membership(_ response: HTTPClient.Response) -> [String: Any] { response.json["membership"] as? [String: Any] ?? [:] }
    private func pairs(_ response: HTTPClient.Response) -> [[Int]] {
        (response.json["memberships"] as? [[String: Any]] ?? []).map { [$0["userId"] as? Int ?? -1, $0["teamId"] as? Int ?? -1] }
    }
    private func role(_ user: Account, _ team: Int64) throws -> String? {
        try value(#"SELECT role::text FROM "Membership" WHERE "userId" = $1::int AND "teamId" = $2::int"#,
                  [.text(String(user.id)), .text(String(team))])
    }

    func testListShowsOwnMembershipsAndAdminsFilter() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let one = try seedTeam("One")
        let two = try seedTeam("Two")
        try seedMembership(alice, one, role: "OWNER")
        try seedMembership(bob, one, role: "MEMBER")
        try seedMembership(bob, two, role: "ADMIN", accepted: false)

        let own = try call("GET", "/v1/memberships", as: bob)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(pairs(own), [[Int(bob.id), Int(one)], [Int(bob.id), Int(two)]])
        let first = try XCTUnwrap((own.json["memberships"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(first.keys), MembershipsTests.fields)
        XCTAssertEqual(first["role"] as? String, "MEMBER")

        for query in ["userId=\(alice.id)", "teamId=\(one)"] {
            let refused = try call("GET", "/v1/memberships?\(query)", as: bob)
            XCTAssertEqual(refused.status, 403, query)
            XCTAssertEqual(refused.text, #"{"message":"ADMIN required"}"#)
        }

        XCTAssertEqual(pairs(try call("GET", "/v1/memberships", as: admin)).count, 3)
        XCTAssertEqual(pairs(try call("GET", "/v1/memberships?userId=\(alice.id)", as: admin)), [[Int(alice.id), Int(one)]])
        XCTAssertEqual(pairs(try call("GET", "/v1/memberships?teamId=\(two)&teamId=\(one)&userId=\(bob.id)", as: admin)),
                       [[Int(bob.id), Int(one)], [Int(bob.id), Int(two)]])
        let bad = try call("GET", "/v1/memberships?userId=abc", as: admin)
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.json["message"] as? String, "custom in 'userId': Not a number")
        let badElement = try call("GET", "/v1/memberships?teamId=1&teamId=x", as: admin)
        XCTAssertEqual(badElement.json["message"] as? String, "custom in 'teamId,1': Not a number")
    }

    func testIncludeTeamAddsTheTeam() throws {
        let alice = try seedUser("alice")
        let one = try seedTeam("One", slug: "one")
        try seedMembership(alice, one, role: "OWNER")
        let list = try call("GET", "/v1/memberships?include=team", as: alice)
        let item = try XCTUnwrap((list.json["memberships"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(item.keys), MembershipsTests.fields.union(["team"]))
        XCTAssertEqual(Set((item["team"] as? [String: Any] ?? [:]).keys), TeamsTests.teamFields)
        XCTAssertEqual((item["team"] as? [String: Any])?["slug"] as? String, "one")

        let single = try call("GET", "/v1/memberships/\(alice.id)_\(one)?include=team", as: alice)
        XCTAssertEqual(single.status, 200, single.text)
        XCTAssertEqual((membership(single)["team"] as? [String: Any])?["name"] as? String, "One")
        XCTAssertNil(membership(try call("GET", "/v1/memberships/\(alice.id)_\(one)", as: alice))["team"])
    }

    func testCompoundIdsAreParsedWithCalcomsMessages() throws {
        let alice = try seedUser("alice")
        let one = try seedTeam("One")
        try seedMembership(alice, one, role: "MEMBER")
        let cases = [("abc_\(one)", "userId is not a number"), ("\(alice.id)", "teamId is not a number "),
                     ("\(alice.id)_x1", "teamId is not a number "), ("1.5_\(one)", "userId is not a number")]
        for (id, message) in cases {
            let response = try call("GET", "/v1/memberships/\(id)", as: alice)
            XCTAssertEqual(response.status, 400, id)
            XCTAssertEqual(response.json["message"] as? String, message, id)
        }
        XCTAssertEqual(membership(try call("GET", "/v1/memberships/\(alice.id)_\(one)_extra", as: alice))["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(membership(try call("GET", "/v1/memberships/%20\(alice.id)_0x\(String(one, radix: 16))", as: alice))["teamId"] as? Int,
                       Int(one), "Number() semantics")
    }

    func testTheIdMiddlewareForbidsNonMembersBeforeValidation() throws {
        let alice = try seedUser("alice")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let one = try seedTeam("One")
        try seedMembership(alice, one, role: "MEMBER")
        for method in ["GET", "PATCH", "DELETE"] {
            let response = try call(method, "/v1/memberships/\(alice.id)_\(one)", as: carol, body: method == "PATCH" ? ["bogus": 1] : nil)
            XCTAssertEqual(response.status, 403, method)
            XCTAssertEqual(response.text, #"{"message":"Forbidden"}"#)
        }
        XCTAssertEqual(membership(try call("GET", "/v1/memberships/\(alice.id)_\(one)", as: admin))["role"] as? String, "MEMBER")
        let missing = try call("GET", "/v1/memberships/\(carol.id)_\(one)", as: alice)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.text, #"{"message":"Membership not found"}"#)
        XCTAssertEqual(try call("PUT", "/v1/memberships/\(alice.id)_\(one)", as: admin, body: [:] as [String: Any]).status, 405)
    }

    func testAdminCreatesWithDefaults() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let bob = try seedUser("bob")
        let one = try seedTeam("One")
        let response = try call("POST", "/v1/memberships", as: admin, body: ["userId": bob.id, "teamId": one, "ignored": true])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Membership created successfully")
        let created = membership(response)
        XCTAssertEqual(Set(created.keys), MembershipsTests.fields)
        XCTAssertEqual(created["role"] as? String, "MEMBER")
        XCTAssertEqual(created["accepted"] as? Bool, false)
        XCTAssertEqual(created["disableImpersonation"] as? Bool, false)
        let row = try db.query(#"SELECT role::text, accepted, "disableImpersonation" FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(bob.id))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, ["MEMBER", "f", "f"])

        let duplicate = try call("POST", "/v1/memberships", as: admin, body: ["userId": bob.id, "teamId": one, "role": "ADMIN"])
        XCTAssertEqual(duplicate.status, 400)
        XCTAssertEqual(duplicate.json["message"] as? String, "User with id \(bob.id) is already a member of team with id \(one)")
        XCTAssertEqual(try role(bob, one), "MEMBER")

        let accepted = try call("POST", "/v1/memberships", as: admin, body: ["userId": admin.id, "teamId": one, "accepted": true, "role": "OWNER"])
        XCTAssertEqual(membership(accepted)["accepted"] as? Bool, true)
        XCTAssertEqual(try role(admin, one), "OWNER")

        XCTAssertEqual(try call("POST", "/v1/memberships", as: admin, body: ["userId": bob.id, "teamId": 987654]).json["message"] as? String,
                       "Bad request: no team with id 987654")
        XCTAssertEqual(try call("POST", "/v1/memberships", as: admin, body: ["userId": 987654, "teamId": one]).status, 400)
        XCTAssertEqual(try call("POST", "/v1/memberships", as: admin, body: ["userId": 5_000_000_000, "teamId": one]).json["message"] as? String,
                       "too_big in 'userId': Number must be less than or equal to 2147483647")
        let invalid = try call("POST", "/v1/memberships", as: admin, body: ["userId": bob.id])
        XCTAssertEqual(invalid.status, 400)
        XCTAssertEqual(invalid.json["message"] as? String, "invalid_type in 'teamId': Required")
        let badRole = try call("POST", "/v1/memberships", as: admin, body: ["userId": bob.id, "teamId": one, "role": "GUEST"])
        XCTAssertEqual(badRole.json["message"] as? String,
                       "invalid_enum_value in 'role': Invalid enum value. Expected 'MEMBER' | 'ADMIN' | 'OWNER', received 'GUEST'")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Membership""#), "2")
    }

    func testNonAdminsCreateOnlyAsTeamOwnersOrAdmins() throws {
        let owner = try seedUser("owner")
        let manager = try seedUser("manager")
        let member = try seedUser("member")
        let newcomer = try seedUser("newcomer")
        let one = try seedTeam("One")
        try seedMembership(owner, one, role: "OWNER")
        try seedMembership(manager, one, role: "ADMIN")
        try seedMembership(member, one, role: "MEMBER")

        let plain = try call("POST", "/v1/memberships", as: member, body: ["userId": newcomer.id, "teamId": one])
        XCTAssertEqual(plain.status, 403)
        XCTAssertEqual(plain.text, #"{"message":"You can't add members to this team"}"#)
        let accepted = try call("POST", "/v1/memberships", as: manager, body: ["userId": newcomer.id, "teamId": one, "accepted": false])
        XCTAssertEqual(accepted.status, 403)
        XCTAssertEqual(accepted.text, #"{"message":"ADMIN needed for `accepted`"}"#)
        let promote = try call("POST", "/v1/memberships", as: manager, body: ["userId": newcomer.id, "teamId": one, "role": "OWNER"])
        XCTAssertEqual(promote.status, 403)
        XCTAssertNil(try role(newcomer, one))

        let added = try call("POST", "/v1/memberships", as: manager, body: ["userId": newcomer.id, "teamId": one, "role": "ADMIN"])
        XCTAssertEqual(added.status, 200, added.text)
        XCTAssertEqual(try role(newcomer, one), "ADMIN")
        XCTAssertEqual(try value(#"SELECT accepted::text FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(newcomer.id))]), "false")
        let other = try seedUser("other")
        XCTAssertEqual(try call("POST", "/v1/memberships", as: owner, body: ["userId": other.id, "teamId": one, "role": "OWNER"]).status, 200)
        XCTAssertEqual(try role(other, one), "OWNER")
    }

    func testPatchRules() throws {
        let owner = try seedUser("owner")
        let manager = try seedUser("manager")
        let member = try seedUser("member")
        let admin = try seedUser("root", role: "ADMIN")
        let one = try seedTeam("One")
        try seedMembership(owner, one, role: "OWNER")
        try seedMembership(manager, one, role: "ADMIN")
        try seedMembership(member, one, role: "MEMBER", accepted: false)

        let notInvitee = try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: owner, body: ["accepted": true])
        XCTAssertEqual(notInvitee.status, 403)
        XCTAssertEqual(notInvitee.text, #"{"message":"Only the invited user can accept the invite"}"#)
        let accept = try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: member, body: ["accepted": true])
        XCTAssertEqual(accept.status, 200, accept.text)
        XCTAssertEqual(membership(accept)["accepted"] as? Bool, true)
        XCTAssertEqual(try value(#"SELECT accepted::text FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(member.id))]), "true")

        let selfPromotion = try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: member, body: ["role": "ADMIN"])
        XCTAssertEqual(selfPromotion.status, 403)
        XCTAssertEqual(selfPromotion.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: manager, body: ["role": "OWNER"]).status, 403)
        XCTAssertEqual(try call("PATCH", "/v1/memberships/\(owner.id)_\(one)", as: manager, body: ["role": "MEMBER"]).status, 403,
                       "an ADMIN cannot demote an OWNER")
        XCTAssertEqual(try role(owner, one), "OWNER")
        XCTAssertEqual(membership(try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: manager, body: ["role": "ADMIN"]))["role"] as? String, "ADMIN")
        XCTAssertEqual(try role(member, one), "ADMIN")
        XCTAssertEqual(try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: owner, body: ["role": "OWNER"]).status, 200)
        XCTAssertEqual(try role(member, one), "OWNER")
        let othersImpersonation = try call("PATCH", "/v1/memberships/\(owner.id)_\(one)", as: manager, body: ["disableImpersonation": true])
        XCTAssertEqual(othersImpersonation.status, 403, "only the member decides whether the team's admins may impersonate them")
        XCTAssertEqual(othersImpersonation.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try value(#"SELECT "disableImpersonation"::text FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(owner.id))]), "false")
        let ownImpersonation = try call("PATCH", "/v1/memberships/\(owner.id)_\(one)", as: owner, body: ["disableImpersonation": true])
        XCTAssertEqual(membership(ownImpersonation)["disableImpersonation"] as? Bool, true, ownImpersonation.text)
        XCTAssertEqual(try value(#"SELECT "disableImpersonation"::text FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(owner.id))]), "true")
        XCTAssertEqual(try call("PATCH", "/v1/memberships/\(owner.id)_\(one)", as: admin, body: ["disableImpersonation": false]).status, 200)

        let strict = try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: admin, body: ["teamId": 3])
        XCTAssertEqual(strict.status, 400)
        XCTAssertEqual(strict.json["message"] as? String, "Unrecognized key(s) in object: 'teamId'")
        XCTAssertEqual(membership(try call("PATCH", "/v1/memberships/\(member.id)_\(one)", as: admin, body: ["role": "MEMBER"]))["role"] as? String, "MEMBER")
        XCTAssertEqual(try call("PATCH", "/v1/memberships/\(admin.id)_\(one)", as: admin, body: ["role": "MEMBER"]).status, 404)
    }

    func testDeleteFollowsTheRoleOrder() throws {
        let owner = try seedUser("owner")
        let manager = try seedUser("manager")
        let second = try seedUser("second")
        let member = try seedUser("member")
        let admin = try seedUser("root", role: "ADMIN")
        let one = try seedTeam("One")
        try seedMembership(owner, one, role: "OWNER")
        try seedMembership(manager, one, role: "ADMIN")
        try seedMembership(second, one, role: "ADMIN")
        try seedMembership(member, one, role: "MEMBER")

        let cases: [(Account, Account)] = [(member, manager), (manager, second), (manager, owner)]
        for (caller, target) in cases {
            let response = try call("DELETE", "/v1/memberships/\(target.id)_\(one)", as: caller)
            XCTAssertEqual(response.status, 403)
            XCTAssertEqual(response.text, #"{"message":"You don't have the appropriate role to delete this membership"}"#)
        }
        let missing = try call("DELETE", "/v1/memberships/\(admin.id)_\(one)", as: manager)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.text, #"{"message":"Membership not found"}"#)

        let removed = try call("DELETE", "/v1/memberships/\(member.id)_\(one)", as: manager)
        XCTAssertEqual(removed.status, 200)
        XCTAssertEqual(removed.text, #"{"message":"Membership with id: \#(member.id)_\#(one) deleted successfully"}"#)
        XCTAssertNil(try role(member, one))
        XCTAssertEqual(try call("DELETE", "/v1/memberships/\(second.id)_\(one)", as: owner).status, 200)
        XCTAssertEqual(try call("DELETE", "/v1/memberships/\(manager.id)_\(one)", as: manager).status, 200, "one's own membership")
        XCTAssertNil(try role(manager, one))
        XCTAssertEqual(try call("DELETE", "/v1/memberships/\(owner.id)_\(one)", as: admin).status, 200)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Membership""#), "0")
        XCTAssertEqual(try call("DELETE", "/v1/memberships/\(owner.id)_\(one)", as: admin).status, 404)
    }
}
