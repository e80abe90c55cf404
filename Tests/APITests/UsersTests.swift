import XCTest
@testable import Host

/// `/users`, `/users/{userId}` and `/me` (core.md §1–§2), with the rows checked after each write.
final class UsersTests: APITestCase {
    static let publicFields: Set<String> = [
        "id", "username", "name", "email", "emailVerified", "bio", "avatar", "timeZone", "weekStart", "endTime",
        "bufferTime", "appTheme", "theme", "defaultScheduleId", "locale", "timeFormat", "hideBranding", "brandColor",
        "darkBrandColor", "allowDynamicBooking", "createdDate", "verified", "invitedTo", "role",
    ]

    private func user(_ response: HTTPClient.Response) -> [String: Any] { response.json["user"] as? [String: Any] ?? [:] }

    func testMeAnswersThePublicFieldsOfTheKeysUser() throws {
        let alice = try seedUser("alice")
        let response = try call("GET", "/v1/me", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "application/json; charset=utf-8")
        let me = user(response)
        XCTAssertEqual(Set(me.keys), UsersTests.publicFields)
        XCTAssertEqual(me["id"] as? Int, Int(alice.id))
        XCTAssertEqual(me["email"] as? String, "alice@example.com")
        XCTAssertEqual(me["timeZone"] as? String, "Europe/London")
        XCTAssertEqual(me["timeFormat"] as? Int, 12)
        XCTAssertEqual(me["role"] as? String, "USER")
        XCTAssertTrue(me["emailVerified"] is NSNull)
        let created = try XCTUnwrap(me["createdDate"] as? String)
        XCTAssertNotNil(created.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), created)
    }

    func testEveryURLLayoutReachesTheSameHandler() throws {
        let alice = try seedUser("alice")
        for path in ["/v1/me", "/api/v1/me", "/me", "/api/me", "/v2/me", "/v1/me/"] {
            let response = try call("GET", path, as: alice)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertEqual(user(response)["id"] as? Int, Int(alice.id), path)
        }
        XCTAssertEqual(try call("GET", "/v1/me?version=1", as: alice).status, 200)
    }

    func testListShowsOnlyTheCallerToNonAdmins() throws {
        let alice = try seedUser("alice")
        try seedUser("bob")
        let response = try call("GET", "/v1/users", as: alice)
        XCTAssertEqual(response.status, 200)
        let users = response.json["users"] as? [[String: Any]] ?? []
        XCTAssertEqual(users.map { $0["id"] as? Int }, [Int(alice.id)])
        XCTAssertEqual(response.json["total"] as? Int, 1)
    }

    func testAdminListIsPaginatedAndFilteredByEmail() throws {
        let admin = try seedUser("admin", role: "ADMIN")
        let others = try (1...4).map { try seedUser("user\($0)") }
        let page = try call("GET", "/v1/users?take=2&page=2", as: admin)
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual((page.json["users"] as? [[String: Any]])?.map { $0["id"] as? Int }, [Int(others[1].id), Int(others[2].id)])
        XCTAssertEqual(page.json["total"] as? Int, 5)

        let one = try call("GET", "/v1/users?email=user3@example.com", as: admin)
        XCTAssertEqual((one.json["users"] as? [[String: Any]])?.map { $0["username"] as? String }, ["user3"])
        let two = try call("GET", "/v1/users?email=user1@example.com&email=USER4@example.com", as: admin)
        XCTAssertEqual((two.json["users"] as? [[String: Any]])?.count, 2)
        XCTAssertEqual(two.json["total"] as? Int, 2)

        let huge = "99999999999999999999"
        XCTAssertEqual(try call("GET", "/v1/users?take=\(huge)", as: admin).status, 400, "beyond limits.max_page_size")
        XCTAssertEqual((try call("GET", "/v1/users?take=1&page=\(huge)", as: admin).json["users"] as? [Any])?.count, 0, "past every row")

        let bad = try call("GET", "/v1/users?take=0", as: admin)
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.json["message"] as? String, "too_small in 'take': Number must be greater than or equal to 1")
        let notEmail = try call("GET", "/v1/users?email=nope", as: admin)
        XCTAssertEqual(notEmail.status, 400)
    }

    func testGetByIdIsSelfOrAdmin() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        XCTAssertEqual(user(try call("GET", "/v1/users/\(alice.id)", as: alice))["username"] as? String, "alice")
        let forbidden = try call("GET", "/v1/users/\(bob.id)", as: alice)
        XCTAssertEqual(forbidden.status, 403)
        XCTAssertEqual(forbidden.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(user(try call("GET", "/v1/users/\(bob.id)", as: admin))["username"] as? String, "bob")
        let missing = try call("GET", "/v1/users/987654", as: admin)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "User not found")
        let nan = try call("GET", "/v1/users/abc", as: admin)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "custom in 'userId': Not a number")
        XCTAssertEqual(user(try call("GET", "/v1/users/\(alice.id)abc", as: alice))["id"] as? Int, Int(alice.id), "parseInt is lenient")
    }

    func testCreateIsAdminOnlyBeforeTheBodyIsRead() throws {
        let alice = try seedUser("alice")
        let response = try call("POST", "/v1/users", as: alice, body: ["nonsense": true])
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.text, #"{"message":"You are not authorized"}"#)
        XCTAssertEqual(try value("SELECT count(*) FROM users"), "1")
    }

    func testAdminCreatesAUser() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let body: [String: Any] = ["email": "New.Person@Example.com", "username": "NewPerson", "name": "New Person",
                                   "weekStart": "Monday", "timeFormat": 24, "timeZone": "Europe/Paris", "locale": "pt-BR",
                                   "brandColor": "#123456", "theme": NSNull()]
        let response = try call("POST", "/v1/users", as: admin, body: body)
        XCTAssertEqual(response.status, 200, response.text)
        let created = user(response)
        XCTAssertEqual(Set(created.keys), UsersTests.publicFields)
        XCTAssertEqual(created["email"] as? String, "new.person@example.com")
        XCTAssertEqual(created["username"] as? String, "newperson")
        let id = try XCTUnwrap(created["id"] as? Int)
        let row = try db.query("""
            SELECT email, username, "weekStart", "timeFormat", "timeZone", locale, "brandColor", "creationSource", role
            FROM users WHERE id = $1::int
            """, [.text(String(id))])
        XCTAssertEqual((0..<9).map { row.string(0, $0) },
                       ["new.person@example.com", "newperson", "Monday", "24", "Europe/Paris", "pt-BR", "#123456", "api_v1", "USER"])
    }

    func testCreateValidationMessagesFollowZod() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let cases: [([String: Any], String)] = [
            (["username": "x"], "invalid_type in 'email': Required"),
            (["email": "a@example.com", "username": "a", "foo": 1], "Unrecognized key(s) in object: 'foo'"),
            (["email": "a@example.com", "username": "a", "weekStart": "Funday"],
             "invalid_enum_value in 'weekStart': Invalid enum value. Expected 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday', received 'Funday'"),
            (["email": "not-an-email", "username": "a"], "invalid_string in 'email': Invalid"),
            (["email": "a@example.com", "username": "a", "brandColor": "123456"], "invalid_string in 'brandColor': Invalid"),
            (["email": "a@example.com", "username": 5], "invalid_type in 'username': Expected string, received number"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/users", as: admin, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        let timezone = try call("POST", "/v1/users", as: admin, body: ["email": "a@example.com", "username": "a", "timeZone": "EUROPE/PARIS"])
        XCTAssertEqual(timezone.status, 400)
        XCTAssertTrue((timezone.json["message"] as? String ?? "").contains("Expected one of the following"))
        let invalidJSON = try call("POST", "/v1/users", as: admin, body: "{\"email\":")
        XCTAssertEqual(invalidJSON.status, 400)
        XCTAssertEqual(try value("SELECT count(*) FROM users"), "1", "nothing was written")
    }

    func testCreateRefusesATakenUsernameAndEmail() throws {
        let admin = try seedUser("root", role: "ADMIN")
        try seedUser("alice")
        let taken = try call("POST", "/v1/users", as: admin, body: ["email": "other@example.com", "username": "Alice"])
        XCTAssertEqual(taken.status, 400)
        XCTAssertEqual(taken.json["message"] as? String, "custom in 'username': already_in_use_error")
        let email = try call("POST", "/v1/users", as: admin, body: ["email": "alice@example.com", "username": "alice2"])
        XCTAssertEqual(email.status, 400)
        XCTAssertEqual(email.json["message"] as? String, "A user with this email already exists")
    }

    func testPatchUpdatesOnlyWhatIsSentAndDropsRoleForNonAdmins() throws {
        let alice = try seedUser("alice")
        let response = try call("PATCH", "/v1/users/\(alice.id)", as: alice,
                                body: ["name": "Alice A.", "bio": NSNull(), "role": "ADMIN", "hideBranding": true, "locale": NSNull()])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(user(response)["name"] as? String, "Alice A.")
        XCTAssertEqual(user(response)["role"] as? String, "USER")
        let row = try db.query(#"SELECT name, role, "hideBranding", email FROM users WHERE id = $1::int"#, [.text(String(alice.id))])
        XCTAssertEqual((0..<4).map { row.string(0, $0) }, ["Alice A.", "USER", "f", "alice@example.com"])
        // Re-sending one's own username is not a conflict (Cal.com's check did not exclude the user).
        XCTAssertEqual(try call("PATCH", "/v1/users/\(alice.id)", as: alice, body: ["username": "alice"]).status, 200)
    }

    func testAdminPatchesRoleAndChecksTheDefaultSchedule() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let bob = try seedUser("bob")
        XCTAssertEqual(user(try call("PATCH", "/v1/users/\(bob.id)", as: admin, body: ["role": "ADMIN"]))["role"] as? String, "ADMIN")
        XCTAssertEqual(try value("SELECT role::text FROM users WHERE id = $1::int", [.text(String(bob.id))]), "ADMIN")

        let bad = try call("PATCH", "/v1/users/\(bob.id)", as: admin, body: ["defaultScheduleId": 4242])
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.json["message"] as? String, "Bad request: Invalid default schedule id")
        let schedule = try value(#"INSERT INTO "Schedule" ("userId", name) VALUES ($1::int, 'Work') RETURNING id"#, [.text(String(bob.id))])!
        let good = try call("PATCH", "/v1/users/\(bob.id)", as: admin, body: ["defaultScheduleId": Int(schedule)!])
        XCTAssertEqual(user(good)["defaultScheduleId"] as? Int, Int(schedule))

        XCTAssertEqual(try call("PATCH", "/v1/users/999999", as: admin, body: ["name": "x"]).status, 404)
        let strict = try call("PATCH", "/v1/users/\(bob.id)", as: admin, body: ["createdDate": "2020-01-01"])
        XCTAssertEqual(strict.json["message"] as? String, "Unrecognized key(s) in object: 'createdDate'")
    }

    func testPatchOfAnotherUserIsForbiddenBeforeValidation() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let response = try call("PATCH", "/v1/users/\(bob.id)", as: alice, body: ["bogus": 1])
        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try value("SELECT name FROM users WHERE id = $1::int", [.text(String(bob.id))]), "Bob")
    }

    func testDeleteRemovesTheRow() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        XCTAssertEqual(try call("DELETE", "/v1/users/\(bob.id)", as: alice).status, 403)
        let response = try call("DELETE", "/v1/users/\(bob.id)", as: admin)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, #"{"message":"User with id: \#(bob.id) deleted successfully"}"#)
        XCTAssertEqual(try value("SELECT count(*) FROM users WHERE id = $1::int", [.text(String(bob.id))]), "0")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "ApiKey" WHERE "userId" = $1::int"#, [.text(String(bob.id))]), "0")
        XCTAssertEqual(try call("DELETE", "/v1/users/\(bob.id)", as: admin).status, 404)
        XCTAssertEqual(try call("DELETE", "/v1/users/\(alice.id)", as: alice).status, 200)
    }
}
