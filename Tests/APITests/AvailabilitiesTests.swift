import XCTest
@testable import Host

/// `/availabilities` and `/availabilities/{id}` (core.md §8), with the rows checked after each write.
final class AvailabilitiesTests: APITestCase {
    private func availability(_ response: HTTPClient.Response) -> [String: Any] { response.json["availability"] as? [String: Any] ?? [:] }

    private func seedSchedule(_ owner: Account) throws -> Int {
        Int(try XCTUnwrap(value(#"INSERT INTO "Schedule" ("userId", name) VALUES ($1::int, 'Work') RETURNING id"#, [.text(String(owner.id))])))!
    }

    private func seedAvailability(_ schedule: Int) throws -> Int {
        Int(try XCTUnwrap(value(#"INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime") VALUES ($1::int, '{2,4}', '10:00', '11:30') RETURNING id"#,
                                [.text(String(schedule))])))!
    }

    /// The stored row: days, start, end, date and schedule as PostgreSQL prints them.
    private func row(_ id: Int) throws -> [String?] {
        let rows = try db.query(#"SELECT days::text, "startTime"::text, "endTime"::text, date::text, "scheduleId"::text FROM "Availability" WHERE id = $1::int"#,
                                [.text(String(id))])
        return rows.count == 1 ? (0..<5).map { rows.string(0, $0) } : []
    }

    func testCreateStoresUTCTimesAndAnswersISODateTimes() throws {
        let alice = try seedUser("alice")
        let schedule = try seedSchedule(alice)
        let response = try call("POST", "/v1/availabilities", as: alice, body: [
            "scheduleId": schedule, "startTime": "1970-01-01T09:00:00.000Z", "endTime": "1970-01-01T19:30:00+02:00",
            "days": [1, 3], "date": "2024-05-01T00:00:00.000Z",
        ])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.json["message"] as? String, "Availability created successfully")
        let created = availability(response)
        XCTAssertEqual(Set(created.keys), ["id", "startTime", "endTime", "date", "scheduleId", "days", "Schedule"])
        XCTAssertEqual(created["startTime"] as? String, "1970-01-01T09:00:00.000Z")
        XCTAssertEqual(created["endTime"] as? String, "1970-01-01T17:30:00.000Z")
        XCTAssertEqual(created["date"] as? String, "2024-05-01T00:00:00.000Z")
        XCTAssertEqual(created["days"] as? [Int], [1, 3])
        XCTAssertEqual(created["scheduleId"] as? Int, schedule)
        XCTAssertEqual((created["Schedule"] as? [String: Any])?["userId"] as? Int, Int(alice.id))
        let id = try XCTUnwrap(created["id"] as? Int)
        XCTAssertEqual(try row(id), ["{1,3}", "09:00:00", "17:30:00", "2024-05-01", String(schedule)])

        let plain = try call("POST", "/v1/availabilities", as: alice, body: ["scheduleId": schedule, "startTime": "08:15", "endTime": "12:00:30", "date": "2024-06-02"])
        XCTAssertEqual(plain.status, 200, plain.text)
        XCTAssertEqual(availability(plain)["startTime"] as? String, "1970-01-01T08:15:00.000Z")
        XCTAssertEqual(availability(plain)["days"] as? [Int], [])
        XCTAssertEqual(try row(try XCTUnwrap(availability(plain)["id"] as? Int)), ["{}", "08:15:00", "12:00:30", "2024-06-02", String(schedule)])
    }

    func testCreateValidationMessages() throws {
        let alice = try seedUser("alice")
        let schedule = try seedSchedule(alice)
        let cases: [([String: Any], String)] = [
            (["startTime": "09:00", "endTime": "10:00"], "invalid_type in 'scheduleId': Required"),
            (["scheduleId": schedule, "endTime": "10:00"], "invalid_type in 'startTime': Required"),
            (["scheduleId": schedule, "startTime": "09:00", "endTime": "10:00", "userId": 1], "Unrecognized key(s) in object: 'userId'"),
            (["scheduleId": schedule, "startTime": "9am", "endTime": "10:00"], "custom in 'startTime': Invalid ISO Date"),
            (["scheduleId": schedule, "startTime": "09:00", "endTime": "10:00", "days": ["1"]], "invalid_type in 'days,0': Expected number, received string"),
            (["scheduleId": "x", "startTime": "09:00", "endTime": "10:00"], "invalid_type in 'scheduleId': Expected number, received string"),
            (["scheduleId": 99999999999, "startTime": "09:00", "endTime": "10:00"], "too_big in 'scheduleId': Number must be less than or equal to 2147483647"),
            (["scheduleId": schedule, "startTime": "2024", "endTime": "10:00"],
             "Bad request: startTime, endTime and date must be ISO dates or times, and days integers"),
            (["scheduleId": schedule, "startTime": "09:00", "endTime": "10:00", "days": [99999999999]],
             "Bad request: startTime, endTime and date must be ISO dates or times, and days integers"),
        ]
        for (body, message) in cases {
            let response = try call("POST", "/v1/availabilities", as: alice, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message, "\(body)")
        }
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Availability""#), "0")
    }

    func testOnlyOwnSchedulesTakeAvailabilitiesExceptForAdmins() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let schedule = try seedSchedule(alice)
        let body: [String: Any] = ["scheduleId": schedule, "startTime": "09:00", "endTime": "10:00"]
        let refused = try call("POST", "/v1/availabilities", as: bob, body: body)
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.text, #"{"message":"You can't add availabilities to this schedule"}"#)
        XCTAssertEqual(try call("POST", "/v1/availabilities", as: bob, body: ["scheduleId": 987654, "startTime": "09:00", "endTime": "10:00"]).status, 401)
        XCTAssertEqual(try call("POST", "/v1/availabilities", as: admin, body: body).status, 200)
        let missing = try call("POST", "/v1/availabilities", as: admin, body: ["scheduleId": 987654, "startTime": "09:00", "endTime": "10:00"])
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.json["message"] as? String, "Bad request: schedule with id: 987654 does not exist")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Availability""#), "1")
    }

    func testThereIsNoList() throws {
        let alice = try seedUser("alice")
        let response = try call("GET", "/v1/availabilities", as: alice)
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.json["message"] as? String, "Method Not Allowed (Allow: POST)")
    }

    func testGetByIdIsLimitedToOwnSchedules() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let id = try seedAvailability(try seedSchedule(alice))
        let own = try call("GET", "/v1/availabilities/\(id)", as: alice)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(availability(own)["startTime"] as? String, "1970-01-01T10:00:00.000Z")
        XCTAssertEqual(availability(own)["endTime"] as? String, "1970-01-01T11:30:00.000Z")
        XCTAssertTrue(availability(own)["date"] is NSNull)
        XCTAssertEqual(availability(own)["days"] as? [Int], [2, 4])
        let hidden = try call("GET", "/v1/availabilities/\(id)", as: bob)
        XCTAssertEqual(hidden.status, 404)
        XCTAssertEqual(hidden.json["message"] as? String, "Availability with id: \(id) not found")
        XCTAssertEqual(try call("GET", "/v1/availabilities/\(id)", as: admin).status, 200)
        XCTAssertEqual(try call("GET", "/v1/availabilities/987654", as: admin).status, 404)
        let nan = try call("GET", "/v1/availabilities/abc", as: admin)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
    }

    func testPatchChangesOnlyWhatIsSentAndNeverTheSchedule() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let schedule = try seedSchedule(alice)
        let id = try seedAvailability(schedule)
        let path = "/v1/availabilities/\(id)"

        let hidden = try call("PATCH", path, as: bob, body: ["bogus": 1])
        XCTAssertEqual(hidden.status, 404, "ownership is checked before the body")
        let response = try call("PATCH", path, as: alice, body: ["endTime": "1970-01-01T18:00:00Z", "days": [0, 6]])
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertNil(response.json["message"])
        XCTAssertEqual(availability(response)["endTime"] as? String, "1970-01-01T18:00:00.000Z")
        XCTAssertEqual(availability(response)["startTime"] as? String, "1970-01-01T10:00:00.000Z")
        XCTAssertEqual(try row(id), ["{0,6}", "10:00:00", "18:00:00", nil, String(schedule)])

        let moved = try call("PATCH", path, as: alice, body: ["scheduleId": try seedSchedule(alice)])
        XCTAssertEqual(moved.status, 400)
        XCTAssertEqual(moved.json["message"] as? String, "Unrecognized key(s) in object: 'scheduleId'")
        let dated = try call("PATCH", path, as: admin, body: ["date": "2025-12-24"])
        XCTAssertEqual(availability(dated)["date"] as? String, "2025-12-24T00:00:00.000Z")
        XCTAssertEqual(try row(id)[3], "2025-12-24")
        XCTAssertEqual(try call("PATCH", "/v1/availabilities/987654", as: admin, body: ["days": [1]]).status, 404)
    }

    func testDeleteRemovesTheRow() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let schedule = try seedSchedule(alice)
        let id = try seedAvailability(schedule)
        let other = try seedAvailability(schedule)
        XCTAssertEqual(try call("DELETE", "/v1/availabilities/\(id)", as: bob).status, 404)
        let response = try call("DELETE", "/v1/availabilities/\(id)", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, #"{"message":"Availability with id: \#(id) deleted successfully"}"#)
        XCTAssertEqual(try row(id), [])
        XCTAssertEqual(try call("DELETE", "/v1/availabilities/\(id)", as: admin).status, 404)
        XCTAssertEqual(try call("DELETE", "/v1/availabilities/\(other)", as: admin).status, 200)
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Availability""#), "0")
    }
}
