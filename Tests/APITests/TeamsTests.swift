import XCTest
@testable import Host

/// `/teams` and `/teams/{teamId}` (core.md §3), with the rows checked after each write.
final class TeamsTests: APITestCase {
    static let teamFields: Set<String> = [
        "id", "name", "slug", "logo", "logoUrl", "calVideoLogo", "appLogo", "appIconLogo", "bio", "hideBranding", "isPrivate",
        "hideBookATeamMember", "createdAt", "metadata", "theme", "brandColor", "darkBrandColor", "bannerUrl", "parentId",
        "timeFormat", "timeZone", "weekStart", "isOrganization", "pendingPayment", "isPlatform", "createdByOAuthClientId",
        "smsLockState", "smsLockReviewedByAdmin", "bookingLimits", "includeManagedEventsInLimits",
    ]

    private func team(_ response: HTTPClient.Response) -> [String: Any] { response.json["team"] as? [String: Any] ?? [:] }
    private func ids(_ response: HTTPClient.Response) -> [Int] { (response.json["teams"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
    private func teamCount() throws -> String? { try value(#"SELECT count(*) FROM "Team""#) }

    func testCreateMakesTheCallerOwnerInTheSameTransaction() throws {
        let alice = try seedUser("alice")
        let response = try call("POST", "/v1/teams", as: alice, body: ["name": "Alpha", "slug": "alpha", "logo": "https://example.com/a.png"])
        XCTAssertEqual(response.status, 200, response.text)
        let created = team(response)
        XCTAssertEqual(Set(created.keys), TeamsTests.teamFields)
        let id = try XCTUnwrap(created["id"] as? Int)
        XCTAssertEqual(created["logo"] as? String, "https://example.com/a.png")
        XCTAssertEqual(created["logoUrl"] as? String, "https://example.com/a.png")
        XCTAssertEqual(created["timeZone"] as? String, "Europe/London")
        XCTAssertEqual(created["weekStart"] as? String, "Sunday")
        XCTAssertEqual(created["smsLockState"] as? String, "UNLOCKED")
        XCTAssertTrue(created["metadata"] is NSNull)
        let createdAt = try XCTUnwrap(created["createdAt"] as? String)
        XCTAssertNotNil(createdAt.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), createdAt)
        let owner = try XCTUnwrap(response.json["owner"] as? [String: Any])
        XCTAssertEqual(Set(owner.keys), ["id", "teamId", "userId", "accepted", "role", "disableImpersonation"])
        XCTAssertEqual(owner["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(owner["teamId"] as? Int, id)
        XCTAssertEqual(owner["role"] as? String, "OWNER")
        XCTAssertEqual(owner["accepted"] as? Bool, true)
        XCTAssertEqual(response.json["message"] as? String,
                       "Team created successfully. We also made user with ID=\(alice.id) the owner of this team.")
        let row = try db.query(#"SELECT name, slug, "logoUrl" FROM "Team" WHERE id = $1::int"#, [.text(String(id))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, ["Alpha", "alpha", "https://example.com/a.png"])
        let member = try db.query(#"SELECT "userId", role::text, accepted FROM "Membership" WHERE "teamId" = $1::int"#, [.text(String(id))])
        XCTAssertEqual(member.count, 1)
        XCTAssertEqual((0..<3).map { member.string(0, $0) }, [String(alice.id), "OWNER", "t"])
    }

    func testCreateStoresMetadataAndLimitsAsCalcomDid() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let response = try call("POST", "/v1/teams", as: admin, body: [
            "name": "Beta", "metadata": ["paymentId": "p1", "unknown": 1], "bookingLimits": NSNull(),
            "timeZone": "Europe/Paris", "weekStart": "Monday", "brandColor": "#111111", "hideBookATeamMember": true,
        ])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(team(response)["metadata"] as? [String: String], ["paymentId": "p1"])
        XCTAssertEqual((team(response)["bookingLimits"] as? [String: Any])?.count, 0)
        XCTAssertTrue(team(response)["slug"] is NSNull)
        let row = try db.query(#"SELECT metadata::text, "bookingLimits"::text, "timeZone", "weekStart", "brandColor", "hideBookATeamMember" FROM "Team""#, [])
        XCTAssertEqual((0..<6).map { row.string(0, $0) }, [#"{"paymentId": "p1"}"#, "{}", "Europe/Paris", "Monday", "#111111", "t"])
        let byUser = try call("POST", "/v1/teams", as: alice, body: ["name": "Delta", "metadata": ["paymentId": "p2", "requestedSlug": "d"]])
        XCTAssertEqual(team(byUser)["metadata"] as? [String: String], ["requestedSlug": "d"], "billing keys are for system admins")
        let nullMetadata = try call("POST", "/v1/teams", as: alice, body: ["name": "Gamma", "metadata": NSNull()])
        XCTAssertEqual((team(nullMetadata)["metadata"] as? [String: Any])?.count, 0, nullMetadata.text)
    }

    func testOwnerIdIsForSystemAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let refused = try call("POST", "/v1/teams", as: alice, body: ["name": "Mine", "ownerId": bob.id])
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.text, #"{"message":"ADMIN required for `ownerId`"}"#)
        XCTAssertEqual(try teamCount(), "0")

        let made = try call("POST", "/v1/teams", as: admin, body: ["name": "Bobs", "ownerId": bob.id])
        XCTAssertEqual(made.status, 200, made.text)
        XCTAssertEqual(made.json["message"] as? String, "Team created successfully. We also made user with ID=\(bob.id) the owner of this team.")
        XCTAssertEqual((made.json["owner"] as? [String: Any])?["userId"] as? Int, Int(bob.id))
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Membership" WHERE "userId" = $1::int AND role = 'OWNER'"#, [.text(String(bob.id))]), "1")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Membership" WHERE "userId" = $1::int"#, [.text(String(admin.id))]), "0")

        let nobody = try call("POST", "/v1/teams", as: admin, body: ["name": "Ghost", "ownerId": 987654])
        XCTAssertEqual(nobody.status, 400)
        XCTAssertEqual(try teamCount(), "1", "nothing written for a missing owner")
    }

    func testCreateRefusesATakenSlugCaseInsensitively() throws {
        let alice = try seedUser("alice")
        try seedTeam("Existing", slug: "Alpha-Team")
        let taken = try call("POST", "/v1/teams", as: alice, body: ["name": "Other", "slug": "alpha-team"])
        XCTAssertEqual(taken.status, 409)
        XCTAssertEqual(taken.text, #"{"message":"Team slug already exists"}"#)
        XCTAssertEqual(try teamCount(), "1")
        XCTAssertEqual(try call("POST", "/v1/teams", as: alice, body: ["name": "No slug"]).status, 200)
    }

    func testParentIdMustBeATeamTheCallerManages() throws {
        let alice = try seedUser("alice")
        let joined = try seedTeam("Joined")
        let run = try seedTeam("Run")
        try seedMembership(alice, joined, role: "MEMBER")
        try seedMembership(alice, run, role: "ADMIN")
        let refused = try call("POST", "/v1/teams", as: alice, body: ["name": "Child", "parentId": joined])
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.json["message"] as? String, "Unauthorized: Invalid parent id. You can only use parent id of your own teams.")
        let child = try call("POST", "/v1/teams", as: alice, body: ["name": "Child", "parentId": run])
        XCTAssertEqual(child.status, 200, child.text)
        XCTAssertEqual(team(child)["parentId"] as? Int, Int(run))
        XCTAssertEqual(try teamCount(), "3")
    }

    func testCreateValidationMessagesFollowZod() throws {
        let alice = try seedUser("alice")
        let cases: [([String: Any], String)] = [
            (["slug": "x"], "invalid_type in 'name': Required"),
            (["name": "A", "nope": 1], "Unrecognized key(s) in object: 'nope'"),
            (["name": "A", "slug": ""], "too_small in 'slug': String must contain at least 1 character(s)"),
            (["name": String(repeating: "n", count: 256)], "too_big in 'name': String must contain at most 255 character(s)"),
            (["name": "A", "parentId": 3_000_000_000], "too_big in 'parentId': Number must be less than or equal to 2147483647"),
            (["name": "A", "hideBranding": "yes"], "invalid_type in 'hideBranding': Expected boolean, received string"),
            (["name": "A", "smsLockState": "OPEN"],
             "invalid_enum_value in 'smsLockState': Invalid enum value. Expected 'LOCKED' | 'UNLOCKED' | 'REVIEW_NEEDED', received 'OPEN'"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/teams", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        XCTAssertEqual(try teamCount(), "0")
    }

    func testListAndGetShowTeamsWithAnyMembership() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let invited = try seedTeam("Invited", slug: "invited")
        let other = try seedTeam("Other", slug: "other")
        try seedMembership(alice, invited, role: "MEMBER", accepted: false)

        XCTAssertEqual(ids(try call("GET", "/v1/teams", as: alice)), [Int(invited)])
        XCTAssertEqual(ids(try call("GET", "/v1/teams", as: admin)), [Int(invited), Int(other)])
        let mine = try call("GET", "/v1/teams/\(invited)", as: alice)
        XCTAssertEqual(mine.status, 200)
        XCTAssertEqual(Set(team(mine).keys), TeamsTests.teamFields)
        XCTAssertEqual(team(mine)["slug"] as? String, "invited")

        let hidden = try call("GET", "/v1/teams/\(other)", as: alice)
        XCTAssertEqual(hidden.status, 404)
        XCTAssertEqual(hidden.text, #"{"message":"Team not found"}"#)
        XCTAssertEqual(team(try call("GET", "/v1/teams/\(other)", as: admin))["name"] as? String, "Other")
        XCTAssertEqual(try call("GET", "/v1/teams/987654", as: admin).status, 404)

        let letters = try call("GET", "/v1/teams/12abc", as: alice)
        XCTAssertEqual(letters.status, 400)
        XCTAssertEqual(letters.json["message"] as? String, "invalid_string in 'teamId': Invalid")
        let extra = try call("GET", "/v1/teams/\(invited)?utm=1", as: alice)
        XCTAssertEqual(extra.status, 400)
        XCTAssertEqual(extra.json["message"] as? String, "Unrecognized key(s) in object: 'utm'")
        XCTAssertEqual(try call("PUT", "/v1/teams/\(invited)", as: alice, body: [:] as [String: Any]).status, 405)
    }

    func testPatchNeedsOwnerOrAdminMembership() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedTeam("Alpha", slug: "alpha")
        try seedMembership(alice, id, role: "ADMIN")
        try seedMembership(bob, id, role: "MEMBER")

        let stranger = try call("PATCH", "/v1/teams/\(id)", as: carol, body: ["bogus": true])
        XCTAssertEqual(stranger.status, 404, "the middleware answers before the body is validated")
        let member = try call("PATCH", "/v1/teams/\(id)", as: bob, body: ["name": "Bobs"])
        XCTAssertEqual(member.status, 401)
        XCTAssertEqual(member.text, #"{"message":"Unauthorized: OWNER or ADMIN required"}"#)
        let systemAdmin = try call("PATCH", "/v1/teams/\(id)", as: admin, body: ["name": "Root"])
        XCTAssertEqual(systemAdmin.status, 401, "Cal.com's PATCH has no system-admin bypass")
        XCTAssertEqual(try value(#"SELECT name FROM "Team" WHERE id = $1::int"#, [.text(String(id))]), "Alpha")

        _ = try db.query(#"UPDATE "Team" SET "smsLockReviewedByAdmin" = true WHERE id = $1::int"#, [.text(String(id))])
        let renamed = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["name": "Alpha 2", "bio": "Hi", "logo": "l.png"])
        XCTAssertEqual(renamed.status, 200, "no slug sent: no 409 (Cal.com ambiguity #5)")
        XCTAssertEqual(team(renamed)["name"] as? String, "Alpha 2")
        XCTAssertEqual(team(renamed)["logoUrl"] as? String, "l.png")
        let row = try db.query(#"SELECT name, slug, bio, "logoUrl", "smsLockReviewedByAdmin" FROM "Team" WHERE id = $1::int"#, [.text(String(id))])
        XCTAssertEqual((0..<5).map { row.string(0, $0) }, ["Alpha 2", "alpha", "Hi", "l.png", "f"])

        let invalid = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["ownerId": 1])
        XCTAssertEqual(invalid.json["message"] as? String, "Unrecognized key(s) in object: 'ownerId'")
    }

    func testPatchSlugAndParentRules() throws {
        let alice = try seedUser("alice")
        let id = try seedTeam("Alpha", slug: "alpha")
        let unpublished = try seedTeam("Draft")
        let foreign = try seedTeam("Foreign")
        try seedTeam("Taken", slug: "taken")
        try seedMembership(alice, id, role: "OWNER")
        try seedMembership(alice, unpublished, role: "OWNER")

        let taken = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["slug": "TAKEN"])
        XCTAssertEqual(taken.status, 409)
        XCTAssertEqual(taken.json["message"] as? String, "Team slug already exists")
        let ownSlug = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["slug": "Alpha"])
        XCTAssertEqual(ownSlug.status, 200, "a team's own slug is no conflict")
        XCTAssertEqual(try value(#"SELECT slug FROM "Team" WHERE id = $1::int"#, [.text(String(id))]), "Alpha")

        let same = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["parentId": id])
        XCTAssertEqual(same.status, 400)
        XCTAssertEqual(same.json["message"] as? String, "Bad request: Parent id cannot be the same as the team id.")
        let notMine = try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["parentId": foreign])
        XCTAssertEqual(notMine.status, 401)
        XCTAssertEqual(notMine.json["message"] as? String, "Unauthorized: Invalid parent id. You can only use parent id of your own teams.")
        XCTAssertEqual(team(try call("PATCH", "/v1/teams/\(id)", as: alice, body: ["parentId": unpublished]))["parentId"] as? Int, Int(unpublished))

        let requested = try call("PATCH", "/v1/teams/\(unpublished)", as: alice, body: ["slug": "draft"])
        XCTAssertEqual(requested.status, 200, requested.text)
        XCTAssertTrue(team(requested)["slug"] is NSNull, "an unpublished team keeps its slug in metadata")
        XCTAssertEqual((team(requested)["metadata"] as? [String: Any])?["requestedSlug"] as? String, "draft")
        XCTAssertNil(requested.json["paymentUrl"])
        XCTAssertEqual(try value(#"SELECT metadata->>'requestedSlug' FROM "Team" WHERE id = $1::int AND slug IS NULL"#,
                                 [.text(String(unpublished))]), "draft")
    }

    func testDeleteIsForOwnersAndSystemAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedTeam("Alpha")
        let other = try seedTeam("Other")
        try seedMembership(alice, id, role: "OWNER")
        try seedMembership(bob, id, role: "ADMIN")

        XCTAssertEqual(try call("DELETE", "/v1/teams/\(id)", as: carol).status, 404)
        let teamAdmin = try call("DELETE", "/v1/teams/\(id)", as: bob)
        XCTAssertEqual(teamAdmin.status, 401)
        XCTAssertEqual(teamAdmin.text, #"{"message":"Unauthorized: OWNER or ADMIN role required"}"#)
        XCTAssertEqual(try teamCount(), "2")

        let deleted = try call("DELETE", "/v1/teams/\(id)", as: alice)
        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(deleted.text, #"{"message":"Team with id: \#(id) deleted successfully"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Team" WHERE id = $1::int"#, [.text(String(id))]), "0")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Membership" WHERE "teamId" = $1::int"#, [.text(String(id))]), "0")

        XCTAssertEqual(try call("DELETE", "/v1/teams/\(other)", as: admin).status, 200)
        XCTAssertEqual(try teamCount(), "0")
        XCTAssertEqual(try call("DELETE", "/v1/teams/\(other)", as: admin).status, 404)
    }
}

/// `PATCH /teams/{teamId}/publish` as Cal.com's publish procedure runs without team billing.
final class TeamPublishTests: APITestCase {
    func testOwnersPublishTheRequestedSlug() throws {
        let owner = try seedUser("owner")
        let member = try seedUser("member")
        let stranger = try seedUser("stranger")
        let team = try seedTeam("Acme")
        _ = try db.query(#"UPDATE "Team" SET metadata = '{"requestedSlug":"acme","paymentId":"p1"}' WHERE id = $1::int"#, [.text(String(team))])
        try seedMembership(owner, team, role: "OWNER")
        try seedMembership(member, team, role: "MEMBER")

        let denied = try call("PATCH", "/v1/teams/\(team)/publish", as: member)
        XCTAssertEqual(denied.status, 401)
        XCTAssertEqual(denied.json["message"] as? String, "Unauthorized: OWNER or ADMIN role required")
        XCTAssertEqual(try call("PATCH", "/v1/teams/\(team)/publish", as: stranger).status, 404)
        XCTAssertNil(try value(#"SELECT slug FROM "Team" WHERE id = $1::int"#, [.text(String(team))]))

        let published = try call("PATCH", "/v1/teams/\(team)/publish", as: owner)
        XCTAssertEqual(published.status, 200, published.text)
        XCTAssertEqual(published.json["message"] as? String, "Team published successfully")
        XCTAssertEqual(published.json["url"] as? String, "http://localhost:3000/settings/teams/\(team)/profile")
        XCTAssertEqual(try value(#"SELECT slug FROM "Team" WHERE id = $1::int"#, [.text(String(team))]), "acme")
        XCTAssertEqual(try value(#"SELECT metadata::text FROM "Team" WHERE id = $1::int"#, [.text(String(team))]), #"{"paymentId": "p1"}"#)

        let again = try call("PATCH", "/v1/teams/\(team)/publish", as: owner)
        XCTAssertEqual(again.status, 400)
        XCTAssertEqual(again.json["message"] as? String, "Can't publish team without `requestedSlug`")
    }

    func testAPublishedSlugHeldByAnotherTeamIsAConflict() throws {
        let owner = try seedUser("owner")
        _ = try seedTeam("First", slug: "taken")
        let team = try seedTeam("Second")
        _ = try db.query(#"UPDATE "Team" SET metadata = '{"requestedSlug":"taken"}' WHERE id = $1::int"#, [.text(String(team))])
        try seedMembership(owner, team, role: "ADMIN")
        let response = try call("PATCH", "/v1/teams/\(team)/publish", as: owner)
        XCTAssertEqual(response.status, 409)
        XCTAssertEqual(response.json["message"] as? String, "Team slug already exists")
    }
}
