import XCTest
@testable import Host

/// `/event-types` and `/event-types/{id}` (core.md §5), with the rows checked after each write.
final class EventTypesTests: APITestCase {
    static let publicFields: Set<String> = [
        "id", "title", "slug", "length", "hidden", "position", "userId", "teamId", "scheduleId", "eventName", "timeZone",
        "periodType", "periodStartDate", "periodEndDate", "periodDays", "periodCountCalendarDays", "requiresConfirmation",
        "recurringEvent", "disableGuests", "hideCalendarNotes", "minimumBookingNotice", "beforeEventBuffer",
        "afterEventBuffer", "schedulingType", "price", "currency", "slotInterval", "parentId", "successRedirectUrl",
        "description", "locations", "metadata", "seatsPerTimeSlot", "seatsShowAttendees", "seatsShowAvailabilityCount",
        "bookingFields", "bookingLimits", "onlyShowFirstAvailableSlot", "durationLimits", "customInputs", "hashedLink",
        "team", "hosts", "owner", "children",
    ]

    private func eventType(_ response: HTTPClient.Response) -> [String: Any] { response.json["event_type"] as? [String: Any] ?? [:] }

    /// A team, and memberships given as (account, role, accepted).
    @discardableResult
    private func seedTeam(_ slug: String, _ members: [(Account, String, Bool)]) throws -> Int64 {
        let team = try XCTUnwrap(try db.query(#"INSERT INTO "Team" (name, slug) VALUES ($1, $1) RETURNING id"#, [.text(slug)]).int64(0, 0))
        for (account, role, accepted) in members {
            _ = try db.query(#"INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1::int, $2::int, $3::"MembershipRole", $4::boolean)"#,
                             [.text(String(team)), .text(String(account.id)), .text(role), .text(accepted ? "true" : "false")])
        }
        return team
    }

    /// An event type written straight to the table.
    private func seedEventType(_ slug: String, user: Account? = nil, team: Int64? = nil, parent: Int64? = nil) throws -> Int64 {
        let rows = try db.query(#"""
            INSERT INTO "EventType" (title, slug, length, "userId", "teamId", "parentId") VALUES ($1, $1, 30, $2::int, $3::int, $4::int) RETURNING id
            """#, [.text(slug), user.map { .text(String($0.id)) } ?? .null, team.map { .text(String($0)) } ?? .null,
                   parent.map { .text(String($0)) } ?? .null])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    private func addHost(_ eventType: Int64, _ user: Account, fixed: Bool = false) throws {
        _ = try db.query(#"INSERT INTO "Host" ("userId", "eventTypeId", "isFixed") VALUES ($1::int, $2::int, $3::boolean)"#,
                         [.text(String(user.id)), .text(String(eventType)), .text(fixed ? "true" : "false")])
    }

    private func hosts(_ eventType: Int64) throws -> [String] {
        let rows = try db.query(#"SELECT "userId" || ':' || "isFixed" FROM "Host" WHERE "eventTypeId" = $1::int ORDER BY "userId""#,
                                [.text(String(eventType))])
        return (0..<rows.count).compactMap { rows.string($0, 0) }
    }

    func testCreatePersonalEventTypeWritesTheRowsAndAnswersThePublicShape() throws {
        let alice = try seedUser("alice")
        let body: [String: Any] = [
            "title": "Quick Chat", "slug": "  Quick Chat!! ", "length": 30, "schedulingType": "ROUND_ROBIN",
            "periodType": "ROLLING", "periodDays": 5, "locations": [["type": "integrations:daily"]],
            "metadata": ["apps": [:]], "periodStartDate": "2024-05-01T09:30:00.000Z", "bookingLimits": ["PER_DAY": 2],
            "hosts": [["userId": alice.id, "isFixed": true]], "notAField": 1,
        ]
        let response = try call("POST", "/v1/event-types", as: alice, body: body)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Event type created successfully")
        let created = eventType(response)
        XCTAssertEqual(Set(created.keys), EventTypesTests.publicFields)
        XCTAssertEqual(created["slug"] as? String, "quick-chat")
        XCTAssertEqual(created["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(created["schedulingType"] as? String, "ROUND_ROBIN")
        XCTAssertEqual(created["periodType"] as? String, "ROLLING")
        XCTAssertEqual(created["periodStartDate"] as? String, "2024-05-01T09:30:00.000Z")
        XCTAssertEqual(created["minimumBookingNotice"] as? Int, 120)
        XCTAssertEqual(created["currency"] as? String, "usd")
        XCTAssertEqual(created["seatsShowAvailabilityCount"] as? Bool, true)
        XCTAssertEqual((created["owner"] as? [String: Any])?["username"] as? String, "alice")
        XCTAssertTrue(created["team"] is NSNull)
        XCTAssertEqual((created["hashedLink"] as? [Any])?.count, 0)
        XCTAssertEqual((created["hosts"] as? [[String: Any]])?.map { $0["userId"] as? Int }, [Int(alice.id)], "only the owner hosts a personal event type")
        XCTAssertNil(created["link"], "create answers the select shape without link")
        XCTAssertTrue(response.text.hasPrefix(#"{"event_type":{"id":"#), "compact JSON")

        let id = try XCTUnwrap(created["id"] as? Int)
        let row = try db.query(#"""
            SELECT slug, "userId", "schedulingType"::text, "periodType"::text, "periodDays", locations::text, "instantMeetingParameters"::text
            FROM "EventType" WHERE id = $1::int
            """#, [.text(String(id))])
        XCTAssertEqual((0..<7).map { row.string(0, $0) },
                       ["quick-chat", String(alice.id), "roundRobin", "rolling", "5", #"[{"type": "integrations:daily"}]"#, "{}"])
        XCTAssertEqual(try value(#"SELECT "B" FROM "_user_eventtype" WHERE "A" = $1::int"#, [.text(String(id))]), String(alice.id))
        XCTAssertEqual(try hosts(Int64(id)), ["\(alice.id):true"])
    }

    func testCreateValidationAndOwnerRules() throws {
        let alice = try seedUser("alice")
        let admin = try seedUser("root", role: "ADMIN")
        let cases: [([String: Any], String)] = [
            (["slug": "a", "length": 10], "invalid_type in 'title': Required"),
            (["title": "A", "slug": "a", "length": 0], "too_small in 'length': Number must be greater than or equal to 1"),
            (["title": "A", "slug": "a", "length": 10, "schedulingType": "roundRobin"],
             "invalid_enum_value in 'schedulingType': Invalid enum value. Expected 'ROUND_ROBIN' | 'COLLECTIVE' | 'MANAGED', received 'roundRobin'"),
            (["title": "A", "slug": "a", "length": 10, "hosts": [["isFixed": true]]], "invalid_type in 'hosts,0,userId': Required"),
            (["title": "A", "slug": "a", "length": 10, "recurringEvent": ["freq": 7]],
             "invalid_enum_value in 'recurringEvent,freq': Invalid enum value. Expected 0 | 1 | 2 | 3 | 4 | 5 | 6, received '7'"),
            (["title": "A", "slug": "a", "length": 10, "successRedirectUrl": "ftp://x"], "invalid_string in 'successRedirectUrl': Invalid URL"),
            (["title": "A", "slug": "a", "length": 10, "periodStartDate": "tomorrow"], "custom in 'periodStartDate': Invalid ISO Date"),
            (["title": "A", "slug": "a", "length": 10, "userId": NSNull()],
             "invalid_type in 'userId': Expected string, received null; invalid_type in 'userId': Expected number, received null"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/event-types", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        let foreignOwner = try call("POST", "/v1/event-types", as: alice, body: ["title": "A", "slug": "a", "length": 10, "userId": admin.id])
        XCTAssertEqual(foreignOwner.status, 401)
        XCTAssertEqual(foreignOwner.json["message"] as? String, "ADMIN required for `userId`")
        let noOwner = try call("POST", "/v1/event-types", as: admin, body: ["title": "A", "slug": "a", "length": 10])
        XCTAssertEqual(noOwner.status, 400)
        XCTAssertEqual(noOwner.json["message"] as? String, "`userId` or `teamId` required")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType""#), "0")

        let forAlice = try call("POST", "/v1/event-types", as: admin, body: ["title": "A", "slug": "a", "length": 10, "userId": "\(alice.id)"])
        XCTAssertEqual(forAlice.status, 200, forAlice.text)
        XCTAssertEqual(eventType(forAlice)["userId"] as? Int, Int(alice.id))
        let duplicate = try call("POST", "/v1/event-types", as: alice, body: ["title": "B", "slug": "A", "length": 10])
        XCTAssertEqual(duplicate.status, 400)
        XCTAssertEqual(duplicate.json["message"] as? String, "An event type with this slug already exists")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType""#), "1")
    }

    func testTeamEventTypeCreationNeedsAnAcceptedAdminOrOwner() throws {
        let owner = try seedUser("owner")
        let member = try seedUser("member")
        let invited = try seedUser("invited")
        let stranger = try seedUser("stranger")
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedTeam("sales", [(owner, "OWNER", true), (member, "MEMBER", true), (invited, "ADMIN", false)])
        let body: [String: Any] = ["title": "Demo", "slug": "demo", "length": 45, "teamId": team, "schedulingType": "COLLECTIVE",
                                   "hosts": [["userId": member.id, "isFixed": false]]]

        let byMember = try call("POST", "/v1/event-types", as: member, body: body)
        XCTAssertEqual(byMember.status, 401)
        XCTAssertEqual(byMember.json["message"] as? String, "Unauthorized: OWNER or ADMIN role required")
        let byInvited = try call("POST", "/v1/event-types", as: invited, body: body)
        XCTAssertEqual(byInvited.status, 403)
        XCTAssertEqual(byInvited.json["message"] as? String, "No permission to operate on event-type for this team")
        var withStranger = body
        withStranger["hosts"] = [["userId": stranger.id]]
        let strangerHost = try call("POST", "/v1/event-types", as: owner, body: withStranger)
        XCTAssertEqual(strangerHost.status, 400)
        XCTAssertEqual(strangerHost.json["message"] as? String, "You can only add members of the team to a team event type.")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType""#), "0")

        let created = try call("POST", "/v1/event-types", as: owner, body: body)
        XCTAssertEqual(created.status, 200, created.text)
        let json = eventType(created)
        XCTAssertTrue(json["userId"] is NSNull)
        XCTAssertEqual(json["teamId"] as? Int, Int(team))
        XCTAssertEqual((json["team"] as? [String: Any])?["slug"] as? String, "sales")
        XCTAssertEqual(json["schedulingType"] as? String, "COLLECTIVE")
        let id = try XCTUnwrap(json["id"] as? Int)
        XCTAssertEqual(try hosts(Int64(id)), ["\(member.id):true"], "COLLECTIVE makes every host fixed")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "_user_eventtype""#), "0")

        var other = body
        other["slug"] = "other"
        XCTAssertEqual(try call("POST", "/v1/event-types", as: admin, body: other).status, 200, "system admins need no membership")
    }

    func testGetByIdFollowsOwnershipAndTeamMembership() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let schedule = try XCTUnwrap(try db.query(#"INSERT INTO "Schedule" ("userId", name) VALUES ($1::int, 'Work') RETURNING id"#,
                                                  [.text(String(alice.id))]).int64(0, 0))
        _ = try db.query(#"UPDATE users SET "defaultScheduleId" = $1::int WHERE id = $2::int"#, [.text(String(schedule)), .text(String(alice.id))])
        let personal = try seedEventType("intro", user: alice)
        _ = try db.query(#"INSERT INTO "EventTypeCustomInput" ("eventTypeId", label, type, required) VALUES ($1::int, 'Notes', 'textLong', true)"#,
                         [.text(String(personal))])
        _ = try db.query(#"INSERT INTO "HashedLink" (link, "eventTypeId") VALUES ('abc123', $1::int)"#, [.text(String(personal))])
        let team = try seedTeam("sales", [(bob, "MEMBER", false)])
        let teamType = try seedEventType("demo", team: team)

        let own = try call("GET", "/v1/event-types/\(personal)", as: alice)
        XCTAssertEqual(own.status, 200, own.text)
        let json = eventType(own)
        XCTAssertEqual(Set(json.keys), EventTypesTests.publicFields.union(["link"]))
        XCTAssertEqual(json["link"] as? String, "https://cal.com/alice/intro")
        XCTAssertEqual(json["scheduleId"] as? Int, Int(schedule), "the owner's default schedule stands in")
        XCTAssertEqual(json["periodType"] as? String, "UNLIMITED")
        XCTAssertTrue(json["schedulingType"] is NSNull)
        let input = (json["customInputs"] as? [[String: Any]])?.first
        XCTAssertEqual(input?["type"] as? String, "TEXTLONG")
        XCTAssertEqual(Set(input?.keys.map { $0 } ?? []), ["id", "label", "required", "options", "type", "placeholder"])
        XCTAssertEqual((json["hashedLink"] as? [[String: Any]])?.first?.keys.sorted(), ["link"])

        let foreign = try call("GET", "/v1/event-types/\(personal)", as: bob)
        XCTAssertEqual(foreign.status, 403)
        XCTAssertEqual(foreign.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try call("GET", "/v1/event-types/\(personal)", as: admin).status, 200)

        let asMember = try call("GET", "/v1/event-types/\(teamType)", as: bob)
        XCTAssertEqual(asMember.status, 200, "pending members may read")
        XCTAssertEqual(eventType(asMember)["link"] as? String, "https://cal.com/team/sales/demo")
        let asStranger = try call("GET", "/v1/event-types/\(teamType)", as: alice)
        XCTAssertEqual(asStranger.status, 403, "the same answer as for a missing id")
        XCTAssertEqual(asStranger.text, #"{"message":"Forbidden"}"#)

        let missing = try call("GET", "/v1/event-types/987654", as: alice)
        XCTAssertEqual(missing.status, 403)
        XCTAssertEqual(missing.text, #"{"message":"Forbidden"}"#)
        let missingForAdmin = try call("GET", "/v1/event-types/987654", as: admin)
        XCTAssertEqual(missingForAdmin.status, 404)
        XCTAssertEqual(missingForAdmin.json["message"] as? String, "Event type not found")
        XCTAssertEqual(try call("GET", "/v1/event-types/99999999999", as: admin).status, 404)
        let nan = try call("GET", "/v1/event-types/abc", as: alice)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
    }

    func testListFilters() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let a1 = try seedEventType("intro", user: alice)
        let a2 = try seedEventType("long", user: alice)
        let b1 = try seedEventType("intro", user: bob)
        let team = try seedTeam("sales", [(alice, "OWNER", true)])
        let t1 = try seedEventType("intro", team: team)

        func ids(_ path: String, _ account: Account) throws -> [Int]? {
            let response = try call("GET", path, as: account)
            XCTAssertEqual(response.status, 200, response.text)
            return (response.json["event_types"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }
        }
        XCTAssertEqual(try ids("/v1/event-types", alice), [Int(a1), Int(a2)], "team event types are not listed")
        XCTAssertEqual(try ids("/v1/event-types?slug=long", alice), [Int(a2)])
        XCTAssertEqual(try ids("/v1/event-types?slug=intro", bob), [Int(b1)])
        XCTAssertEqual(try ids("/v1/event-types", admin), [])
        XCTAssertEqual(try ids("/v1/event-types?slug=intro", admin), [Int(a1), Int(b1), Int(t1)])
        XCTAssertEqual(try ids("/v1/event-types?userId=\(bob.id)", admin), [Int(b1)])
        XCTAssertEqual(try ids("/v1/event-types?userId=\(bob.id)&userId=\(alice.id)&slug=intro", admin), [Int(a1), Int(b1)])
        let listed = try call("GET", "/v1/event-types", as: alice)
        XCTAssertEqual((listed.json["event_types"] as? [[String: Any]])?.first?["link"] as? String, "https://cal.com/alice/intro")

        let notAdmin = try call("GET", "/v1/event-types?userId=\(bob.id)", as: alice)
        XCTAssertEqual(notAdmin.status, 401)
        XCTAssertEqual(notAdmin.json["message"] as? String, "ADMIN required")
        let nan = try call("GET", "/v1/event-types?userId=x", as: admin)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "custom in 'userId': Not a number")
    }

    func testPatchKeepsHostsUnlessSentAndIsStrict() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let id = try seedEventType("intro", user: alice)
        try addHost(id, bob)

        let renamed = try call("PATCH", "/v1/event-types/\(id)", as: alice,
                               body: ["title": "Intro call", "slug": "Intro Call", "description": NSNull(), "seatsPerTimeSlot": 3,
                                      "metadata": ["x": 1], "periodType": "RANGE", "schedulingType": NSNull()])
        XCTAssertEqual(renamed.status, 200, renamed.text)
        XCTAssertNil(renamed.json["message"])
        XCTAssertEqual(eventType(renamed)["slug"] as? String, "intro-call")
        XCTAssertEqual(eventType(renamed)["periodType"] as? String, "RANGE")
        XCTAssertEqual(try hosts(id), ["\(bob.id):false"], "a PATCH without hosts keeps them")
        let row = try db.query(#"SELECT title, slug, "seatsPerTimeSlot", "periodType"::text, length, metadata::text FROM "EventType" WHERE id = $1::int"#,
                               [.text(String(id))])
        XCTAssertEqual((0..<6).map { row.string(0, $0) }, ["Intro call", "intro-call", "3", "range", "30", #"{"x": 1}"#])

        let collective = try call("PATCH", "/v1/event-types/\(id)", as: alice,
                                  body: ["schedulingType": "COLLECTIVE", "hosts": [["userId": alice.id, "isFixed": false]]])
        XCTAssertEqual(collective.status, 200, collective.text)
        XCTAssertEqual(try hosts(id), ["\(alice.id):true"])
        XCTAssertEqual(try value(#"SELECT "schedulingType"::text FROM "EventType" WHERE id = $1::int"#, [.text(String(id))]), "collective")
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(id)", as: alice, body: ["hosts": []]).status, 200)
        XCTAssertEqual(try hosts(id), [])

        for (body, message) in [(["userId": bob.id], "Unrecognized key(s) in object: 'userId'"),
                                (["seatsPerTimeSlot": 0], "too_small in 'seatsPerTimeSlot': Number must be greater than or equal to 1"),
                                (["length": "long"], "invalid_type in 'length': Expected number, received string"),
                                (["length": 99_999_999_999], "Invalid value in the request body")] as [([String: Any], String)] {
            let response = try call("PATCH", "/v1/event-types/\(id)", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
    }

    func testPatchPermissions() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let personal = try seedEventType("intro", user: alice)
        let team = try seedTeam("sales", [(bob, "ADMIN", true), (carol, "MEMBER", true)])
        let teamType = try seedEventType("demo", team: team)

        let foreign = try call("PATCH", "/v1/event-types/\(personal)", as: bob, body: ["title": "Mine"])
        XCTAssertEqual(foreign.status, 403)
        XCTAssertEqual(foreign.json["message"] as? String, "Forbidden")
        XCTAssertEqual(try value(#"SELECT title FROM "EventType" WHERE id = $1::int"#, [.text(String(personal))]), "intro")
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(personal)", as: admin, body: ["title": "By admin"]).status, 200)

        let byTeamAdmin = try call("PATCH", "/v1/event-types/\(teamType)", as: bob,
                                   body: ["title": "Team demo", "hosts": [["userId": carol.id, "isFixed": true]]])
        XCTAssertEqual(byTeamAdmin.status, 200, byTeamAdmin.text)
        XCTAssertEqual(try hosts(teamType), ["\(carol.id):true"])
        let strangerHost = try call("PATCH", "/v1/event-types/\(teamType)", as: bob, body: ["hosts": [["userId": alice.id]]])
        XCTAssertEqual(strangerHost.status, 400)
        XCTAssertEqual(strangerHost.json["message"] as? String, "You can only add members of the team to a team event type.")
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(teamType)", as: carol, body: ["title": "x"]).status, 403)

        let moveToTeam = try call("PATCH", "/v1/event-types/\(personal)", as: alice, body: ["teamId": team])
        XCTAssertEqual(moveToTeam.status, 403)
        XCTAssertEqual(moveToTeam.json["message"] as? String, "No permission to operate on event-type for this team")
        XCTAssertEqual(try call("PATCH", "/v1/event-types/\(personal)", as: alice, body: ["teamId": 99_999_999_999]).status, 403)

        XCTAssertEqual(try call("PATCH", "/v1/event-types/987654", as: alice, body: ["title": "x"]).status, 403)
        let missing = try call("PATCH", "/v1/event-types/987654", as: admin, body: ["title": "x"])
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Event type not found")
    }

    func testDeleteRulesAndCascade() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let personal = try seedEventType("intro", user: alice)
        try addHost(personal, alice)
        _ = try db.query(#"INSERT INTO "EventTypeCustomInput" ("eventTypeId", label, type, required) VALUES ($1::int, 'Notes', 'text', true)"#,
                         [.text(String(personal))])
        let team = try seedTeam("sales", [(bob, "OWNER", true), (carol, "MEMBER", true)])
        let teamType = try seedEventType("demo", team: team)
        let child = try seedEventType("demo", user: carol, parent: teamType)

        let foreign = try call("DELETE", "/v1/event-types/\(personal)", as: bob)
        XCTAssertEqual(foreign.status, 403)
        XCTAssertEqual(foreign.json["message"] as? String, "Forbidden")
        let own = try call("DELETE", "/v1/event-types/\(personal)", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(own.text, #"{"message":"Event Type with id: \#(personal) deleted successfully"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType" WHERE id = $1::int"#, [.text(String(personal))]), "0")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Host""#), "0")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventTypeCustomInput""#), "0")

        let childByOwner = try call("DELETE", "/v1/event-types/\(child)", as: carol)
        XCTAssertEqual(childByOwner.status, 403)
        XCTAssertEqual(childByOwner.json["message"] as? String, "User is not authorized to access the team to which the parent event type belongs.")
        let byMember = try call("DELETE", "/v1/event-types/\(teamType)", as: carol)
        XCTAssertEqual(byMember.status, 403)
        XCTAssertEqual(byMember.json["message"] as? String, "No permission to operate on event-type for this team")
        XCTAssertEqual(try call("DELETE", "/v1/event-types/\(teamType)", as: bob).status, 200)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "EventType""#), "0", "managed children go with their parent")

        XCTAssertEqual(try call("DELETE", "/v1/event-types/987654", as: alice).status, 403)
        XCTAssertEqual(try call("DELETE", "/v1/event-types/987654", as: admin).status, 404)
    }

    func testManagedChildCreation() throws {
        let owner = try seedUser("owner")
        let member = try seedUser("member")
        let outsider = try seedUser("outsider")
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedTeam("sales", [(owner, "OWNER", true), (member, "MEMBER", true)])
        let parent = try seedEventType("managed", team: team)
        let personal = try seedEventType("intro", user: owner)

        let missing = try call("POST", "/v1/event-types", as: admin, body: ["title": "x", "slug": "x", "length": 5, "parentId": 987654, "userId": owner.id])
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Parent event type not found.")
        let missingForOwner = try call("POST", "/v1/event-types", as: owner, body: ["title": "x", "slug": "x", "length": 5, "parentId": 987654])
        XCTAssertEqual(missingForOwner.status, 403, "non-admins cannot tell a missing parent from a foreign one")
        let notTeam = try call("POST", "/v1/event-types", as: owner, body: ["title": "x", "slug": "x", "length": 5, "parentId": personal])
        XCTAssertEqual(notTeam.status, 400)
        XCTAssertEqual(notTeam.json["message"] as? String, "This event type is not capable of having children")
        let byMember = try call("POST", "/v1/event-types", as: member, body: ["title": "x", "slug": "x", "length": 5, "parentId": parent])
        XCTAssertEqual(byMember.status, 403)
        let outside = try call("POST", "/v1/event-types", as: admin,
                               body: ["title": "x", "slug": "x", "length": 5, "parentId": parent, "userId": outsider.id])
        XCTAssertEqual(outside.status, 400)
        XCTAssertEqual(outside.json["message"] as? String, "User is not a team member.")

        let child = try call("POST", "/v1/event-types", as: admin,
                             body: ["title": "x", "slug": "managed", "length": 5, "parentId": parent, "userId": member.id])
        XCTAssertEqual(child.status, 200, child.text)
        XCTAssertEqual(eventType(child)["parentId"] as? Int, Int(parent))
        let read = try call("GET", "/v1/event-types/\(parent)", as: member)
        XCTAssertEqual((read.json["event_type"] as? [String: Any])?["children"] as? [[String: Int]],
                       [["id": eventType(child)["id"] as? Int ?? 0, "userId": Int(member.id)]])
    }

    func testUnservedMethodsAnswer405AndKeysAreRequired() throws {
        let alice = try seedUser("alice")
        let anonymous = try call("GET", "/v1/event-types", as: nil)
        XCTAssertEqual(anonymous.status, 401)
        XCTAssertEqual(anonymous.json["message"] as? String, "No apiKey provided")
        let put = try call("PUT", "/v1/event-types", as: alice)
        XCTAssertEqual(put.status, 405)
        XCTAssertEqual(put.header("Allow"), "GET, POST")
        XCTAssertEqual(put.json["message"] as? String, "Method Not Allowed (Allow: GET,POST)")
        XCTAssertEqual(try call("POST", "/v1/event-types/1", as: alice, body: [:]).status, 405)
    }
}

/// `GET /teams/{teamId}/event-types` (core.md §3).
final class TeamEventTypesTests: APITestCase {
    func testMembersAndAdminsSeeTheTeamsEventTypesOthersAnEmptyList() throws {
        let member = try seedUser("member")
        let stranger = try seedUser("stranger")
        let admin = try seedUser("root", role: "ADMIN")
        let team = try XCTUnwrap(try value(#"INSERT INTO "Team" (name, slug) VALUES ('Crew', 'crew') RETURNING id"#))
        _ = try db.query(#"INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1::int, $2::int, 'MEMBER', true)"#,
                         [.text(team), .text(String(member.id))])
        let eventType = try XCTUnwrap(try value(#"INSERT INTO "EventType" (title, slug, length, "teamId") VALUES ('Standup', 'standup', 15, $1::int) RETURNING id"#, [.text(team)]))
        _ = try db.query(#"INSERT INTO "EventType" (title, slug, length, "userId") VALUES ('Mine', 'mine', 30, $1::int)"#, [.text(String(member.id))])

        for account in [member, admin] {
            let response = try call("GET", "/v1/teams/\(team)/event-types", as: account)
            XCTAssertEqual(response.status, 200, response.text)
            let list = response.json["event_types"] as? [[String: Any]] ?? []
            XCTAssertEqual(list.map { $0["id"] as? Int }, [Int(eventType)], "only the team's own event types")
            XCTAssertEqual(list.first?["title"] as? String, "Standup")
        }
        let outsider = try call("GET", "/v1/teams/\(team)/event-types", as: stranger)
        XCTAssertEqual(outsider.status, 200)
        XCTAssertEqual(outsider.text, #"{"event_types":[]}"#)
        XCTAssertEqual(try call("GET", "/v1/teams/abc/event-types", as: admin).status, 400)
        XCTAssertEqual(try call("GET", "/v1/teams/99999999999/event-types", as: admin).text, #"{"event_types":[]}"#)
    }
}
