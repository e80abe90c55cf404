import XCTest
@testable import Host

/// `/schedules` and `/schedules/{id}` (core.md §7), with the rows checked after each write.
final class SchedulesTests: APITestCase {
    private func schedule(_ response: HTTPClient.Response) -> [String: Any] { response.json["schedule"] as? [String: Any] ?? [:] }

    /// A schedule inserted directly, with one availability row (Mondays 08:30–12:00).
    private func seedSchedule(_ owner: Account, name: String = "Work") throws -> Int {
        let id = try XCTUnwrap(value(#"INSERT INTO "Schedule" ("userId", name, "timeZone") VALUES ($1::int, $2, 'Europe/Paris') RETURNING id"#,
                                     [.text(String(owner.id)), .text(name)]))
        _ = try db.query(#"INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime", date) VALUES ($1::int, '{1}', '08:30', '12:00', '2024-05-01')"#,
                         [.text(id)])
        return Int(id)!
    }

    func testCreateAddsTheDefaultAvailabilityAndAnswersTheSchedule() throws {
        let alice = try seedUser("alice")
        let response = try call("POST", "/v1/schedules", as: alice, body: ["name": "Office", "timeZone": "Europe/Paris", "extra": 1])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Schedule created successfully")
        let created = schedule(response)
        XCTAssertEqual(Set(created.keys), ["id", "userId", "name", "timeZone", "availability"])
        XCTAssertEqual(created["userId"] as? Int, Int(alice.id))
        XCTAssertEqual(created["name"] as? String, "Office")
        XCTAssertEqual(created["timeZone"] as? String, "Europe/Paris")
        let availability = try XCTUnwrap(created["availability"] as? [[String: Any]])
        XCTAssertEqual(availability.count, 1)
        XCTAssertEqual(Set(availability[0].keys), ["id", "eventTypeId", "date", "days", "startTime", "endTime"])
        XCTAssertEqual(availability[0]["days"] as? [Int], [1, 2, 3, 4, 5])
        XCTAssertEqual(availability[0]["startTime"] as? String, "09:00:00")
        XCTAssertEqual(availability[0]["endTime"] as? String, "17:00:00")
        XCTAssertTrue(availability[0]["date"] is NSNull)
        XCTAssertTrue(availability[0]["eventTypeId"] is NSNull)
        let id = try XCTUnwrap(created["id"] as? Int)
        let row = try db.query(#"SELECT "userId", name, "timeZone" FROM "Schedule" WHERE id = $1::int"#, [.text(String(id))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, [String(alice.id), "Office", "Europe/Paris"])
        let rows = try db.query(#"SELECT days::text, "startTime"::text, "endTime"::text FROM "Availability" WHERE "scheduleId" = $1::int"#, [.text(String(id))])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual((0..<3).map { rows.string(0, $0) }, ["{1,2,3,4,5}", "09:00:00", "17:00:00"])
        XCTAssertNil(try value(#"SELECT "defaultScheduleId" FROM users WHERE id = $1::int"#, [.text(String(alice.id))]),
                     "creating a schedule does not make it the default")
    }

    func testCreateValidationMessages() throws {
        let alice = try seedUser("alice")
        let cases: [([String: Any], String)] = [
            (["timeZone": "Europe/Paris"], "invalid_type in 'name': Required"),
            (["name": "x"], "invalid_type in 'timeZone': Required"),
            (["name": 5, "timeZone": "Europe/Paris"], "invalid_type in 'name': Expected string, received number"),
            (["name": "   ", "timeZone": "Europe/Paris"], "invalid_string in 'name': Schedule name cannot be empty"),
            (["name": "x", "timeZone": "Europe/Paris", "userId": "2"], "invalid_type in 'userId': Expected number, received string"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/schedules", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message, "\(body)")
        }
        let zone = try call("POST", "/v1/schedules", as: alice, body: ["name": "x", "timeZone": "EUROPE/PARIS"])
        XCTAssertEqual(zone.status, 400)
        XCTAssertTrue((zone.json["message"] as? String ?? "").hasPrefix("custom in 'timeZone': Expected one of the following"))
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Schedule""#), "0")
    }

    func testOnlyAdminsCreateForAnotherUser() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let refused = try call("POST", "/v1/schedules", as: alice, body: ["name": "x", "timeZone": "UTC", "userId": Int(bob.id)])
        XCTAssertEqual(refused.status, 403)
        XCTAssertEqual(refused.text, #"{"message":"ADMIN required for `userId`"}"#)
        let created = try call("POST", "/v1/schedules", as: admin, body: ["name": "For Bob", "timeZone": "UTC", "userId": Int(bob.id)])
        XCTAssertEqual(created.status, 200, created.text)
        XCTAssertEqual(schedule(created)["userId"] as? Int, Int(bob.id))
        XCTAssertEqual(try value(#"SELECT "userId" FROM "Schedule" WHERE name = 'For Bob'"#), String(bob.id))
        let missing = try call("POST", "/v1/schedules", as: admin, body: ["name": "x", "timeZone": "UTC", "userId": 987654])
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.json["message"] as? String, "Bad request: user with id: 987654 does not exist")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Schedule""#), "1")
    }

    func testListIsOwnForUsersAndFilteredForAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let admin = try seedUser("root", role: "ADMIN")
        let carols = try seedSchedule(carol)
        let alices = try seedSchedule(alice)
        let bobs = try seedSchedule(bob)

        let own = try call("GET", "/v1/schedules", as: alice)
        XCTAssertEqual(own.status, 200)
        let mine = try XCTUnwrap(own.json["schedules"] as? [[String: Any]])
        XCTAssertEqual(mine.map { $0["id"] as? Int }, [alices])
        let availability = try XCTUnwrap(mine[0]["availability"] as? [[String: Any]])
        XCTAssertEqual(availability[0]["date"] as? String, "2024-05-01T00:00:00.000Z")
        XCTAssertEqual(availability[0]["startTime"] as? String, "08:30:00")
        XCTAssertEqual(availability[0]["days"] as? [Int], [1])

        let refused = try call("GET", "/v1/schedules?userId=\(bob.id)", as: alice)
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.json["message"] as? String, "Unauthorized: Only admins can query other users")
        XCTAssertEqual(try call("GET", "/v1/schedules?userId=abc", as: alice).status, 401, "refused before the query is parsed")

        let all = try call("GET", "/v1/schedules", as: admin)
        XCTAssertEqual((all.json["schedules"] as? [[String: Any]])?.map { $0["id"] as? Int }, [carols, alices, bobs])
        let one = try call("GET", "/v1/schedules?userId=\(bob.id)", as: admin)
        XCTAssertEqual((one.json["schedules"] as? [[String: Any]])?.map { $0["id"] as? Int }, [bobs])
        let several = try call("GET", "/v1/schedules?userId=\(carol.id)&userId=\(alice.id)", as: admin)
        XCTAssertEqual((several.json["schedules"] as? [[String: Any]])?.map { $0["id"] as? Int }, [alices, carols], "ordered by user")
        let bad = try call("GET", "/v1/schedules?userId=abc", as: admin)
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.json["message"] as? String,
                       "invalid_type in 'userId': Expected number, received nan; invalid_type in 'userId': Expected array, received string")
    }

    func testGetByIdIsOwnerOrAdmin() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedSchedule(alice)
        let own = try call("GET", "/v1/schedules/\(id)", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(schedule(own)["name"] as? String, "Work")
        XCTAssertEqual((schedule(own)["availability"] as? [[String: Any]])?.first?["endTime"] as? String, "12:00:00")
        let forbidden = try call("GET", "/v1/schedules/\(id)", as: bob)
        XCTAssertEqual(forbidden.status, 403)
        XCTAssertEqual(forbidden.text, #"{"message":"Forbidden"}"#)
        XCTAssertEqual(try call("GET", "/v1/schedules/\(id)", as: admin).status, 200)
        let missing = try call("GET", "/v1/schedules/987654", as: admin)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Schedule with id: 987654 not found")
        XCTAssertEqual(try call("GET", "/v1/schedules/987654", as: bob).status, 403, "a missing schedule is not the caller's")
        let nan = try call("GET", "/v1/schedules/abc", as: admin)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
        XCTAssertEqual(try call("GET", "/v1/schedules/0x\(String(id, radix: 16))", as: bob).status, 403,
                       "every spelling of the id gets the same check")
        XCTAssertEqual(try call("GET", "/v1/schedules/0x\(String(id, radix: 16))", as: alice).status, 200)
        XCTAssertEqual(try call("PUT", "/v1/schedules/\(id)", as: alice).status, 405)
        let huge = try call("GET", "/v1/schedules/99999999999", as: bob)
        XCTAssertEqual(huge.status, 400, "an id beyond PostgreSQL's integer is a client mistake, not a 500")
        XCTAssertEqual(huge.json["message"] as? String, "too_big in 'id': Number must be less than or equal to 2147483647")
    }

    func testPatchUpdatesNameAndZoneAndOnlyAdminsMoveSchedules() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedSchedule(alice)
        let path = "/v1/schedules/\(id)"

        XCTAssertEqual(try call("PATCH", path, as: bob, body: ["name": 5]).status, 403, "ownership is checked before the body")
        let renamed = try call("PATCH", path, as: alice, body: ["name": "Evenings", "unknown": true])
        XCTAssertEqual(renamed.status, 200, renamed.text)
        XCTAssertEqual(schedule(renamed)["name"] as? String, "Evenings")
        XCTAssertEqual(schedule(renamed)["timeZone"] as? String, "Europe/Paris")
        XCTAssertEqual((schedule(renamed)["availability"] as? [[String: Any]])?.count, 1)
        let zone = try call("PATCH", path, as: alice, body: ["timeZone": "America/New_York"])
        XCTAssertEqual(schedule(zone)["timeZone"] as? String, "America/New_York")
        let row = try db.query(#"SELECT name, "timeZone", "userId" FROM "Schedule" WHERE id = $1::int"#, [.text(String(id))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, ["Evenings", "America/New_York", String(alice.id)])

        let steal = try call("PATCH", path, as: alice, body: ["userId": Int(bob.id)])
        XCTAssertEqual(steal.status, 403)
        XCTAssertEqual(steal.json["message"] as? String, "Non admin cannot change the owner of a schedule")
        let blank = try call("PATCH", path, as: alice, body: ["name": ""])
        XCTAssertEqual(blank.json["message"] as? String, "invalid_string in 'name': Schedule name cannot be empty")

        _ = try db.query(#"UPDATE users SET "defaultScheduleId" = $1::int WHERE id = $2::int"#, [.text(String(id)), .text(String(alice.id))])
        let moved = try call("PATCH", path, as: admin, body: ["userId": Int(bob.id)])
        XCTAssertEqual(moved.status, 200, moved.text)
        XCTAssertEqual(schedule(moved)["userId"] as? Int, Int(bob.id))
        XCTAssertEqual(try value(#"SELECT "userId" FROM "Schedule" WHERE id = $1::int"#, [.text(String(id))]), String(bob.id))
        XCTAssertNil(try value(#"SELECT "defaultScheduleId" FROM users WHERE id = $1::int"#, [.text(String(alice.id))]),
                     "the previous owner's default no longer points to a schedule that is not theirs")
        let nobody = try call("PATCH", path, as: admin, body: ["userId": 987654])
        XCTAssertEqual(nobody.status, 400)
        XCTAssertEqual(try call("PATCH", "/v1/schedules/987654", as: admin, body: ["name": "x"]).status, 404)
    }

    func testDeleteClearsTheDefaultScheduleOfItsUser() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedSchedule(alice)
        let other = try seedSchedule(alice, name: "Other")
        _ = try db.query(#"UPDATE users SET "defaultScheduleId" = $1::int WHERE id = $2::int"#, [.text(String(id)), .text(String(alice.id))])
        _ = try db.query(#"UPDATE users SET "defaultScheduleId" = $1::int WHERE id = $2::int"#, [.text(String(other)), .text(String(bob.id))])

        XCTAssertEqual(try call("DELETE", "/v1/schedules/\(id)", as: bob).status, 403)
        let response = try call("DELETE", "/v1/schedules/\(id)", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, #"{"message":"Schedule with id: \#(id) deleted successfully"}"#)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Schedule" WHERE id = $1::int"#, [.text(String(id))]), "0")
        XCTAssertNil(try value(#"SELECT "defaultScheduleId" FROM users WHERE id = $1::int"#, [.text(String(alice.id))]))
        XCTAssertEqual(try value(#"SELECT "defaultScheduleId" FROM users WHERE id = $1::int"#, [.text(String(bob.id))]), String(other),
                       "other users' defaults are untouched")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Availability" WHERE "scheduleId" IS NULL"#), "1", "rows are detached (SET NULL)")
        XCTAssertEqual(try call("DELETE", "/v1/schedules/\(id)", as: admin).status, 404)
        XCTAssertEqual(try call("DELETE", "/v1/schedules/\(other)", as: admin).status, 200)
    }
}
