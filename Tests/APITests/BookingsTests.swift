import XCTest
@testable import Host

/// `/bookings` reads, edits, cancellation and confirmation (bookings-and-auth.md §3.2 – §3.8).
final class BookingsTests: APITestCase {
    static let publicFields: Set<String> = [
        "id", "userId", "description", "eventTypeId", "uid", "title", "startTime", "endTime", "attendees", "user", "payment",
        "metadata", "status", "responses", "fromReschedule", "cancelledBy", "rescheduledBy", "createdAt",
    ]

    private func ids(_ response: HTTPClient.Response) -> [Int] { list(response, "bookings").compactMap { $0["id"] as? Int } }

    func testListShowsOrganizedBookingsWithRelations() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let mine = try seedBooking(alice, title: "Mine")
        try seedAttendee(mine, email: "guest@example.com")
        try seedPayment(mine)
        let attended = try seedBooking(bob)
        try seedAttendee(attended, email: "alice@example.com")
        let response = try call("GET", "/v1/bookings", as: alice)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(ids(response), [Int(mine)], "being an attendee does not list a booking (E2)")
        let booking = list(response, "bookings")[0]
        XCTAssertEqual(Set(booking.keys), BookingsTests.publicFields)
        XCTAssertEqual(booking["status"] as? String, "ACCEPTED")
        XCTAssertEqual(booking["startTime"] as? String, "2030-01-01T10:00:00.000Z")
        XCTAssertEqual((booking["attendees"] as? [[String: Any]])?.first?["email"] as? String, "guest@example.com")
        XCTAssertEqual(Set((booking["attendees"] as? [[String: Any]] ?? [[:]])[0].keys), ["id", "email", "name", "timeZone", "locale"])
        XCTAssertEqual((booking["user"] as? [String: Any])?["email"] as? String, "alice@example.com")
        XCTAssertEqual(Set((booking["payment"] as? [[String: Any]] ?? [[:]])[0].keys), ["id", "success", "paymentOption"])
        XCTAssertNil(booking["eventType"], "only with expand=team")
        XCTAssertEqual(try call("GET", "/v1/bookings?userId=\(bob.id)", as: alice).status, 200)
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?userId=\(bob.id)", as: alice)), [Int(mine)], "userId is ignored for non-admins")
    }

    func testListFiltersSortingAndPagination() throws {
        let alice = try seedUser("alice")
        let early = try seedBooking(alice, start: "2030-01-01T09:00:00Z", end: "2030-01-01T10:00:00Z")
        let late = try seedBooking(alice, start: "2030-02-01T09:00:00Z", end: "2030-02-01T10:00:00Z")
        let past = try seedBooking(alice, start: "2020-02-01T09:00:00Z", end: "2020-02-01T10:00:00Z")
        try seedAttendee(late, email: "vip@example.com")
        _ = try db.query(#"UPDATE "Booking" SET "createdAt" = ('2024-01-0' || (4 - id % 4))::timestamp WHERE id IN ($1::int, $2::int, $3::int)"#,
                         [.text(String(early)), .text(String(late)), .text(String(past))])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings", as: alice)), [Int(early), Int(late), Int(past)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?attendeeEmail=VIP@example.com", as: alice)), [Int(late)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?dateFrom=2030-01-15T00:00:00Z", as: alice)), [Int(late)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?dateTo=2030-01-15", as: alice)), [Int(early), Int(past)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?status=upcoming&dateFrom=2030-01-15T00:00:00Z", as: alice)), [Int(early), Int(late)],
                       "upcoming replaces dateFrom")
        let byCreation = ids(try call("GET", "/v1/bookings?sortBy=createdAt&order=desc", as: alice))
        let createdOrder = try db.query(#"SELECT id FROM "Booking" ORDER BY "createdAt" DESC, id"#, []).rowsAsInts()
        XCTAssertEqual(byCreation, createdOrder)
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?take=2&page=2", as: alice)), [Int(past)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?take=1", as: alice)).count, 1, "take alone is the first page")
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?page=2", as: alice)).count, 3, "without take the list is whole")

        let cases = [("order=up", "invalid_enum_value in 'order': Invalid enum value. Expected 'asc' | 'desc', received 'up'"),
                     ("status=past", "invalid_enum_value in 'status': Invalid enum value. Expected 'upcoming', received 'past'"),
                     ("dateFrom=yesterday", "custom in 'dateFrom': Invalid ISO Date"),
                     ("take=0&page=1", "too_small in 'take': Number must be greater than or equal to 1")]
        for (query, message) in cases {
            let response = try call("GET", "/v1/bookings?\(query)", as: alice)
            XCTAssertEqual(response.status, 400, query)
            XCTAssertEqual(response.json["message"] as? String, message, query)
        }
    }

    func testAdminSeesAllOrTheGivenUsersBookingsAndAttendances() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let carol = try seedUser("carol")
        let alices = try seedBooking(alice)
        let bobs = try seedBooking(bob)
        let carols = try seedBooking(carol)
        try seedAttendee(carols, email: "bob@example.com")
        XCTAssertEqual(ids(try call("GET", "/v1/bookings", as: admin)), [Int(alices), Int(bobs), Int(carols)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?userId=\(bob.id)", as: admin)), [Int(bobs), Int(carols)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?userId=\(alice.id)&userId=\(bob.id)", as: admin)), [Int(alices), Int(bobs), Int(carols)])
        XCTAssertEqual(ids(try call("GET", "/v1/bookings?attendeeEmail=bob@example.com", as: admin)), [Int(carols)])
    }

    /// The plan PostgreSQL really used for `GET /bookings` (auto_explain writes it to the cluster's
    /// log) goes through `Booking_userId_idx`, never a scan of the whole table.
    func testListOfAUserIsPlannedThroughTheUserIdIndex() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let mine = try seedBooking(alice)
        _ = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
            SELECT 'bulk-' || g, $1::int, 'Bulk', now(), now() FROM generate_series(1, 20000) g
            """, [.text(String(bob.id))])
        _ = try db.query(#"ANALYZE "Booking""#, [])
        let database = try XCTUnwrap(try value("SELECT current_database()"))
        _ = try db.query(#"ALTER DATABASE "\#(database)" SET session_preload_libraries = 'auto_explain'"#, [])
        _ = try db.query(#"ALTER DATABASE "\#(database)" SET auto_explain.log_min_duration = 0"#, [])
        _ = server.stop()
        server = try CalapiServer(databaseURL: server.databaseURL, config: configYAML)

        let logPath = try TestDatabase.sharedCluster().logFile
        let offset = (try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? NSNumber)?.intValue ?? 0
        let response = try call("GET", "/v1/bookings?take=10&page=1&sortBy=createdAt", as: alice)
        XCTAssertEqual(ids(response), [Int(mine)])
        var plan = ""
        for _ in 0..<20 where !plan.contains("Booking_userId_idx") {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: logPath))
            plan = String(decoding: data.dropFirst(offset), as: UTF8.self)
            if !plan.contains("Booking_userId_idx") { usleep(100_000) }
        }
        XCTAssertTrue(plan.contains("Booking_userId_idx"), plan)
        XCTAssertFalse(plan.contains(#"Seq Scan on "Booking""#), plan)
    }

    func testExpandTeamAddsTheEventType() throws {
        let alice = try seedUser("alice")
        let team = try XCTUnwrap(try db.query(#"INSERT INTO "Team" (name, slug) VALUES ('Sales', 'sales') RETURNING id"#, []).int64(0, 0))
        let eventType = try seedEventType(owner: nil, teamId: team, slug: "demo")
        let booking = try seedBooking(alice, eventTypeId: eventType)
        let expanded = try call("GET", "/v1/bookings/\(booking)?expand=team", as: alice)
        XCTAssertEqual(expanded.status, 200)
        let eventTypeJSON = object(expanded, "booking")["eventType"] as? [String: Any]
        XCTAssertEqual(eventTypeJSON?["slug"] as? String, "demo")
        XCTAssertEqual((eventTypeJSON?["team"] as? [String: Any])?["name"] as? String, "Sales")
        XCTAssertNotNil(list(try call("GET", "/v1/bookings?expand=team", as: alice), "bookings").first?["eventType"])
        XCTAssertNil(object(try call("GET", "/v1/bookings/\(booking)", as: alice), "booking")["eventType"])
    }

    func testGetByIdAccessRules() throws {
        let alice = try seedUser("alice")
        let attendee = try seedUser("guest")
        let owner = try seedUser("owner")
        let teamAdmin = try seedUser("teamadmin")
        let teamMember = try seedUser("member")
        let stranger = try seedUser("stranger")
        let admin = try seedUser("root", role: "ADMIN")
        let team = try XCTUnwrap(try db.query(#"INSERT INTO "Team" (name, slug) VALUES ('T', 't') RETURNING id"#, []).int64(0, 0))
        for (user, role) in [(teamAdmin, "ADMIN"), (teamMember, "MEMBER")] {
            _ = try db.query(#"INSERT INTO "Membership" ("teamId", "userId", accepted, role) VALUES ($1::int, $2::int, true, $3::"MembershipRole")"#,
                             [.text(String(team)), .text(String(user.id)), .text(role)])
        }
        let personal = try seedBooking(alice, eventTypeId: try seedEventType(owner: owner))
        try seedAttendee(personal, email: "GUEST@example.com")
        let teamBooking = try seedBooking(alice, eventTypeId: try seedEventType(owner: nil, teamId: team, slug: "team"))
        for (who, booking) in [(alice, personal), (attendee, personal), (owner, personal), (teamAdmin, teamBooking), (admin, personal)] {
            let response = try call("GET", "/v1/bookings/\(booking)", as: who)
            XCTAssertEqual(response.status, 200, "user \(who.id)")
            XCTAssertEqual(object(response, "booking")["id"] as? Int, Int(booking))
        }
        for (who, booking) in [(stranger, personal), (teamMember, teamBooking), (attendee, teamBooking)] {
            let response = try call("GET", "/v1/bookings/\(booking)", as: who)
            XCTAssertEqual(response.status, 403, "user \(who.id)")
            XCTAssertEqual(response.text, #"{"message":"You are not authorized"}"#)
        }
        XCTAssertEqual(try call("GET", "/v1/bookings/999999", as: stranger).status, 403)
        let missing = try call("GET", "/v1/bookings/999999", as: admin)
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.json["message"] as? String, "Booking not found")
        let nan = try call("GET", "/v1/bookings/abc", as: alice)
        XCTAssertEqual(nan.status, 400)
        XCTAssertEqual(nan.json["message"] as? String, "invalid_type in 'id': Expected number, received nan")
    }

    func testPatchIsARawStrictEdit() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let admin = try seedUser("root", role: "ADMIN")
        let booking = try seedBooking(alice)
        let edited = try call("PATCH", "/v1/bookings/\(booking)", as: alice, body: [
            "title": "Renamed", "description": "Agenda", "startTime": "2030-03-01T08:00:00.000Z", "endTime": "2030-03-01T09:00:00Z",
            "status": "PENDING", "rescheduledBy": "alice@example.com",
        ])
        XCTAssertEqual(edited.status, 200, edited.text)
        let booked = object(edited, "booking")
        XCTAssertEqual(booked["title"] as? String, "Renamed")
        XCTAssertEqual(booked["status"] as? String, "PENDING")
        XCTAssertNil(booked["attendees"], "the edit answer holds no relations")
        let row = try db.query(#"""
            SELECT title, description, "startTime"::text, "endTime"::text, status::text, "rescheduledBy", "updatedAt" IS NOT NULL
            FROM "Booking" WHERE id = $1::int
            """#, [.text(String(booking))])
        XCTAssertEqual((0..<7).map { row.string(0, $0) },
                       ["Renamed", "Agenda", "2030-03-01 08:00:00", "2030-03-01 09:00:00", "pending", "alice@example.com", "t"])

        let organizer = try call("PATCH", "/v1/bookings/\(booking)", as: alice, body: ["userId": bob.id])
        XCTAssertEqual(organizer.status, 403)
        XCTAssertEqual(organizer.json["message"] as? String, "Only admin can change the organizer of a booking")
        XCTAssertEqual(try call("PATCH", "/v1/bookings/\(booking)", as: admin, body: ["userId": bob.id]).status, 200)
        XCTAssertEqual(try value(#"SELECT "userId" FROM "Booking" WHERE id = $1::int"#, [.text(String(booking))]), String(bob.id))

        let cases: [([String: Any], String)] = [
            (["start": "2030-03-01T08:00:00Z"], "Unrecognized key(s) in object: 'start'"),
            (["uid": "x"], "Unrecognized key(s) in object: 'uid'"),
            (["status": "DONE"], "invalid_enum_value in 'status': Invalid enum value. Expected 'CANCELLED' | 'ACCEPTED' | 'REJECTED' | 'PENDING' | 'AWAITING_HOST', received 'DONE'"),
            (["cancelledBy": "nobody"], "invalid_string in 'cancelledBy': Invalid Email"),
            (["startTime": "soon"], "custom in 'startTime': Invalid ISO Date"),
        ]
        for (body, message) in cases {
            let response = try call("PATCH", "/v1/bookings/\(booking)", as: admin, body: body)
            XCTAssertEqual(response.status, 400, "\(body)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        let stranger = try call("PATCH", "/v1/bookings/\(booking)", as: alice, body: ["bogus": 1])
        XCTAssertEqual(stranger.status, 403, "alice no longer organizes it; checked before the body")
        XCTAssertEqual(try call("PATCH", "/v1/bookings/999999", as: admin, body: ["title": "x"]).status, 404)
    }

    func testCancelKeepsTheRowAndCancelsTheRemainingSeries() throws {
        let alice = try seedUser("alice")
        let bob = try seedUser("bob")
        let single = try seedBooking(alice)
        let cancelled = try call("DELETE", "/v1/bookings/\(single)?cancellationReason=Conflict&cancelledBy=alice@example.com", as: alice)
        XCTAssertEqual(cancelled.status, 200)
        XCTAssertEqual(cancelled.text, #"{"message":"Booking cancelled successfully"}"#)
        let row = try db.query(#"SELECT status::text, "cancellationReason", "cancelledBy" FROM "Booking" WHERE id = $1::int"#, [.text(String(single))])
        XCTAssertEqual((0..<3).map { row.string(0, $0) }, ["cancelled", "Conflict", "alice@example.com"])
        let again = try call("DELETE", "/v1/bookings/\(single)/cancel", as: alice)
        XCTAssertEqual(again.status, 400)
        XCTAssertEqual(again.json["message"] as? String, "This booking has already been cancelled.")

        let first = try seedBooking(alice, start: "2030-01-01T10:00:00Z", recurringEventId: "series")
        let second = try seedBooking(alice, start: "2030-01-08T10:00:00Z", recurringEventId: "series")
        let pastOne = try seedBooking(alice, start: "2020-01-08T10:00:00Z", end: "2020-01-08T11:00:00Z", recurringEventId: "series")
        let other = try seedBooking(alice, recurringEventId: "other")
        XCTAssertEqual(try call("DELETE", "/v1/bookings/\(first)/cancel", as: bob).status, 403)
        XCTAssertEqual(try call("DELETE", "/v1/bookings/\(first)/cancel?allRemainingBookings=true", as: alice).status, 200)
        let statuses = try db.query(#"SELECT status::text, "cancellationReason" FROM "Booking" WHERE id IN ($1::int, $2::int, $3::int, $4::int) ORDER BY id"#,
                                    [.text(String(first)), .text(String(second)), .text(String(pastOne)), .text(String(other))])
        XCTAssertEqual((0..<4).map { statuses.string($0, 0) }, ["cancelled", "cancelled", "accepted", "accepted"])
        XCTAssertEqual(statuses.string(0, 1), "Not Provided")
        let admin = try seedUser("root", role: "ADMIN")
        XCTAssertEqual(try call("DELETE", "/v1/bookings/999999", as: admin).status, 404)
    }

    func testConfirmAcceptsOrRejects() throws {
        let alice = try seedUser("alice")
        let stranger = try seedUser("stranger")
        let pending = try seedBooking(alice, status: "pending")
        let missingField = try call("POST", "/v1/bookings/\(pending)/confirm", as: alice, body: [String: Any]())
        XCTAssertEqual(missingField.status, 400)
        XCTAssertEqual(missingField.json["message"] as? String, "invalid_type in 'confirmed': Required")
        XCTAssertEqual(try call("POST", "/v1/bookings/\(pending)/confirm", as: stranger, body: ["confirmed": true]).status, 403)

        let accepted = try call("POST", "/v1/bookings/\(pending)/confirm", as: alice, body: ["confirmed": true])
        XCTAssertEqual(accepted.status, 200)
        XCTAssertEqual(accepted.json["message"] as? String, "confirmed")
        XCTAssertEqual(accepted.json["status"] as? String, "ACCEPTED")
        XCTAssertEqual(try value(#"SELECT status::text FROM "Booking" WHERE id = $1::int"#, [.text(String(pending))]), "accepted")
        XCTAssertEqual(try call("POST", "/v1/bookings/\(pending)/confirm", as: alice, body: ["confirmed": true]).status, 400)

        let first = try seedBooking(alice, status: "pending", recurringEventId: "r1")
        let second = try seedBooking(alice, status: "pending", recurringEventId: "r1")
        let rejected = try call("POST", "/v1/bookings/\(first)/confirm", as: alice, body: ["confirmed": false, "reason": "Busy", "recurringEventId": "r1"])
        XCTAssertEqual(rejected.json["message"] as? String, "confirmed")
        XCTAssertEqual(rejected.json["status"] as? String, "REJECTED")
        let rows = try db.query(#"SELECT status::text, "rejectionReason" FROM "Booking" WHERE id IN ($1::int, $2::int) ORDER BY id"#,
                                [.text(String(first)), .text(String(second))])
        XCTAssertEqual((0..<2).map { "\(rows.string($0, 0) ?? "")/\(rows.string($0, 1) ?? "")" }, ["rejected/Busy", "rejected/Busy"])
    }
}

private extension PGRows {
    /// The first column of every row as integers.
    func rowsAsInts() -> [Int] { (0..<count).compactMap { string($0, 0).flatMap { Int($0) } } }
}

/// `POST /bookings`: the reduced E2 contract (bookings-and-auth.md §12.6) and no double booking.
final class BookingCreationTests: APITestCase {
    private func body(_ eventTypeId: Int64, start: String = "2031-05-01T09:00:00Z", extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["eventTypeId": eventTypeId, "start": start, "timeZone": "Europe/Paris", "language": "fr", "metadata": [String: Any](),
                                   "responses": ["name": "Booker", "email": "booker@example.com", "guests": ["g1@example.com"], "notes": "Hello"]]
        for (key, value) in extra { body[key] = value }
        return body
    }

    func testCreateInsertsTheBookingAndItsAttendees() throws {
        let host = try seedUser("host")
        let booker = try seedUser("booker")
        let eventType = try seedEventType(owner: host, slug: "intro", length: 45)
        let response = try call("POST", "/v1/bookings", as: booker, body: body(eventType))
        XCTAssertEqual(response.status, 200, response.text)
        let booking = response.json
        XCTAssertNil(booking["booking"], "the bare booking, no envelope")
        XCTAssertEqual(booking["status"] as? String, "ACCEPTED")
        XCTAssertEqual(booking["userId"] as? Int, Int(host.id), "the event type's owner organizes it")
        XCTAssertEqual(booking["startTime"] as? String, "2031-05-01T09:00:00.000Z")
        XCTAssertEqual(booking["endTime"] as? String, "2031-05-01T09:45:00.000Z", "end from the event type's length")
        XCTAssertEqual(booking["title"] as? String, "intro between Host and Booker")
        XCTAssertEqual((booking["attendees"] as? [[String: Any]])?.map { $0["email"] as? String }, ["booker@example.com", "g1@example.com"])
        let uid = try XCTUnwrap(booking["uid"] as? String)
        XCTAssertNotNil(uid.range(of: "^[1-9a-km-zA-HJ-NP-Z]{22}$", options: .regularExpression), uid)
        let id = try XCTUnwrap(booking["id"] as? Int)
        let row = try db.query(#"""
            SELECT "creationSource"::text, description, responses->>'email', "eventTypeId", "userPrimaryEmail", "oneTimePassword" IS NOT NULL
            FROM "Booking" WHERE id = $1::int
            """#, [.text(String(id))])
        XCTAssertEqual((0..<6).map { row.string(0, $0) }, ["api_v1", "Hello", "booker@example.com", String(eventType), "host@example.com", "t"])
        let attendees = try db.query(#"SELECT email, name, "timeZone", locale FROM "Attendee" WHERE "bookingId" = $1::int ORDER BY id"#, [.text(String(id))])
        XCTAssertEqual((0..<4).map { attendees.string(0, $0) }, ["booker@example.com", "Booker", "Europe/Paris", "fr"])
        XCTAssertEqual(attendees.string(1, 1), "")
    }

    func testConfirmationRequiredLegacyPropsAndTeamHosts() throws {
        let host = try seedUser("host")
        let confirming = try seedEventType(owner: host, slug: "vip", requiresConfirmation: true)
        var legacy = body(confirming, extra: ["name": "Old Client", "email": "old@example.com"])
        legacy["responses"] = nil
        let pending = try call("POST", "/v1/bookings", as: host, body: legacy)
        XCTAssertEqual(pending.status, 200, pending.text)
        XCTAssertEqual(pending.json["status"] as? String, "PENDING")
        XCTAssertEqual((pending.json["attendees"] as? [[String: Any]])?.first?["email"] as? String, "old@example.com")

        let first = try seedUser("first")
        let second = try seedUser("second")
        let team = try XCTUnwrap(try db.query(#"INSERT INTO "Team" (name, slug) VALUES ('T', 't') RETURNING id"#, []).int64(0, 0))
        let teamEvent = try seedEventType(owner: nil, teamId: team, slug: "rr")
        for user in [first, second] {
            _ = try db.query(#"INSERT INTO "Host" ("userId", "eventTypeId") VALUES ($1::int, $2::int)"#, [.text(String(user.id)), .text(String(teamEvent))])
        }
        let organizers = try (0..<3).map { _ in try call("POST", "/v1/bookings", as: host, body: body(teamEvent)) }
        XCTAssertEqual(organizers.map { $0.json["userId"] as? Int }, [Int(first.id), Int(second.id), nil], "the first free host, then none")
        XCTAssertEqual(organizers[2].status, 400, "every host is taken: Cal.com's code, calapi's reason beside it")
        XCTAssertEqual(organizers[2].json["message"] as? String, "no_available_users_found_error")
        XCTAssertEqual(organizers[2].json["reason"] as? String, "The slot overlaps an accepted booking of every host (buffers included)")
    }

    func testRefusals() throws {
        let host = try seedUser("host")
        let eventType = try seedEventType(owner: host)
        let cases: [([String: Any], String)] = [
            (body(999999), "event_type_not_found_error"),
            (body(eventType, start: "2001-01-01T00:00:00Z"), "Attempting to book a meeting in the past."),
            (body(eventType, extra: ["end": "2031-05-01T08:00:00Z"]), "request_body_invalid_error"),
            (body(eventType, extra: ["name": "Both"]), "Legacy Props: name,email,location,guests,notes,smsReminderNumber,rescheduleReason. They can't be used with `responses`"),
            (body(eventType, extra: ["timeZone": "Nowhere/Land"]), "custom in 'timeZone': Invalid timezone"),
            (body(eventType, extra: ["responses": ["name": "No Email"]]), "invalid_type in 'responses,email': Required"),
        ]
        for (request, message) in cases {
            let response = try call("POST", "/v1/bookings", as: host, body: request)
            XCTAssertEqual(response.status, 400, "\(request)")
            XCTAssertEqual(response.json["message"] as? String, message)
        }
        var missing = body(eventType)
        missing["language"] = nil
        XCTAssertEqual(try call("POST", "/v1/bookings", as: host, body: missing).json["message"] as? String, "invalid_type in 'language': Required")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Booking""#), "0")
    }

    func testOverlapWithAnAcceptedBookingIsRefused() throws {
        let host = try seedUser("host")
        let eventType = try seedEventType(owner: host, length: 60)
        try seedBooking(host, start: "2031-05-01T09:30:00Z", end: "2031-05-01T10:30:00Z", status: "cancelled")
        XCTAssertEqual(try call("POST", "/v1/bookings", as: host, body: body(eventType)).status, 200, "cancelled bookings do not block")
        let overlapping = try call("POST", "/v1/bookings", as: host, body: body(eventType, start: "2031-05-01T09:59:00Z"))
        XCTAssertEqual(overlapping.status, 400)
        XCTAssertEqual(overlapping.json["message"] as? String, "no_available_users_found_error", "the exact string integrations match on")
        XCTAssertEqual(try call("POST", "/v1/bookings", as: host, body: body(eventType, start: "2031-05-01T10:00:00Z")).status, 200, "back to back is fine")
    }

    /// Two requests for the same slot arrive together on two workers: exactly one books it.
    func testConcurrentRequestsForOneSlotBookItOnce() throws {
        let host = try seedUser("host")
        let booker = try seedUser("booker")
        let eventType = try seedEventType(owner: host, length: 30)
        for round in 0..<5 {
            let start = "2031-06-0\(round + 2)T09:00:00Z"
            let clients = try [server.client(), server.client()]
            let request = HTTPClient.format("POST", "/v1/bookings?apiKey=\(booker.key)", body: body(eventType, start: start))
            for client in clients { client.send(request) }
            let statuses = try clients.map { try $0.readResponse().status }.sorted()
            XCTAssertEqual(statuses, [200, 400], "round \(round)")
            XCTAssertEqual(try value(#"SELECT count(*) FROM "Booking" WHERE "startTime" = $1::timestamptz AT TIME ZONE 'UTC'"#, [.text(start)]), "1")
        }
    }
}
