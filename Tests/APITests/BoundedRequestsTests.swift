import Foundation
import XCTest
@testable import Host

/// No request costs more than the operator allows (docs/security.md, "Bounded requests"): lists are
/// cut into pages inside PostgreSQL (`limits.max_page_size`), availability periods and bookings are
/// bounded (`limits.max_availability_days`), and so are team availability answers
/// (`limits.max_team_availability_members`). Small limits here, so that a few rows exceed them.
final class BoundedRequestsTests: APITestCase {
    override var configYAML: String {
        "limits:\n  max_page_size: 50\n  max_availability_days: 30\n  max_team_availability_members: 3\n"
    }

    /// Rows per table beyond the page size: three pages of 50, 50 and 20.
    private let bulk = 120

    /// Every list endpoint, its envelope key, and the ids it should list for the admin (SQL in which
    /// `{admin}` and `{team}` stand for the admin's and the bulk team's ids).
    private let lists: [(path: String, key: String, ids: String)] = [
        ("/v1/bookings", "bookings", #"SELECT id::text FROM "Booking""#),
        ("/v1/attendees", "attendees", #"SELECT id::text FROM "Attendee""#),
        ("/v1/booking-references", "booking_references", #"SELECT id::text FROM "BookingReference""#),
        ("/v1/payments", "payments", #"SELECT p.id::text FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId" WHERE b."userId" = {admin}"#),
        ("/v1/custom-inputs", "event_type_custom_inputs", #"SELECT id::text FROM "EventTypeCustomInput""#),
        ("/v1/schedules", "schedules", #"SELECT id::text FROM "Schedule""#),
        ("/v1/memberships", "memberships", #"SELECT id::text FROM "Membership""#),
        ("/v1/teams", "teams", #"SELECT id::text FROM "Team""#),
        ("/v1/event-types", "event_types", #"SELECT id::text FROM "EventType" WHERE "userId" = {admin}"#),
        ("/v1/teams/{team}/event-types", "event_types", #"SELECT id::text FROM "EventType" WHERE "teamId" = {team}"#),
        ("/v1/selected-calendars", "selected_calendars", #"SELECT id FROM "SelectedCalendar""#),
        ("/v1/destination-calendars", "destinationCalendars", #"SELECT id::text FROM "DestinationCalendar""#),
        ("/v1/users", "users", "SELECT id::text FROM users"),
    ]

    /// `bulk` rows in every listed table, set-based, mostly owned by `admin`; returns the bulk team.
    private func seedBulk(for admin: Account) throws -> Int64 {
        let owner = PGParam.text(String(admin.id)), count = PGParam.text(String(bulk))
        let statements: [(String, [PGParam])] = [
            ("INSERT INTO users (username, email) SELECT 'bulk' || g, 'bulk' || g || '@example.com' FROM generate_series(1, $1::int) g", [count]),
            (#"INSERT INTO "Team" (name, slug) SELECT 'Team ' || g, 'team-' || g FROM generate_series(1, $1::int) g"#, [count]),
            (#"INSERT INTO "Membership" ("teamId", "userId", role, accepted) SELECT id, $1::int, 'MEMBER', true FROM "Team""#, [owner]),
            (#"""
             INSERT INTO "EventType" (title, slug, length, "userId") SELECT 'E' || g, 'e-' || g, 30, $1::int FROM generate_series(1, $2::int) g
             """#, [owner, count]),
            (#"""
             INSERT INTO "EventType" (title, slug, length, "teamId")
             SELECT 'T' || g, 't-' || g, 30, (SELECT min(id) FROM "Team") FROM generate_series(1, $1::int) g
             """#, [count]),
            (#"""
             INSERT INTO "EventTypeCustomInput" ("eventTypeId", label, type, required)
             SELECT id, 'Label', 'text', false FROM "EventType" WHERE "userId" = $1::int
             """#, [owner]),
            (#"""
             INSERT INTO "DestinationCalendar" (integration, "externalId", "eventTypeId")
             SELECT 'google_calendar', 'c' || id, id FROM "EventType" WHERE "userId" = $1::int
             """#, [owner]),
            (#"INSERT INTO "Schedule" ("userId", name) SELECT $1::int, 'S' || g FROM generate_series(1, $2::int) g"#, [owner, count]),
            (#"""
             INSERT INTO "SelectedCalendar" (id, "userId", integration, "externalId")
             SELECT 'sc' || g, $1::int, 'google_calendar', 'cal' || g FROM generate_series(1, $2::int) g
             """#, [owner, count]),
            (#"""
             INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
             SELECT 'bulk-' || g, $1::int, 'Bulk', now() + g * interval '1 hour', now() + g * interval '1 hour' + interval '30 minutes'
             FROM generate_series(1, $2::int) g
             """#, [owner, count]),
            (#"""
             INSERT INTO "Attendee" ("bookingId", email, name, "timeZone") SELECT id, 'guest' || id || '@example.com', 'Guest', 'UTC' FROM "Booking"
             """#, []),
            (#"INSERT INTO "BookingReference" (type, uid, "bookingId") SELECT 'zoom_video', 'ref-' || id, id FROM "Booking""#, []),
            (#"""
             INSERT INTO "Payment" (uid, "bookingId", amount, fee, currency, success, refunded, data, "externalId")
             SELECT 'pay-' || id, id, 100, 3, 'usd', true, false, '{}', 'ext-' || id FROM "Booking"
             """#, []),
        ]
        for (sql, params) in statements { _ = try db.query(sql, params) }
        return Int64(try XCTUnwrap(try value(#"SELECT min(id) FROM "Team""#)))!
    }

    private func path(_ template: String, team: Int64, admin: Account? = nil) -> String {
        template.replacingOccurrences(of: "{team}", with: String(team)).replacingOccurrences(of: "{admin}", with: String(admin?.id ?? 0))
    }

    private func ids(_ response: HTTPClient.Response, _ key: String) -> [String] {
        list(response, key).compactMap { $0["id"].map { "\($0)" } }
    }

    func testATakeAboveThePageSizeIsRefusedNamingTheLimit() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedBulk(for: admin)
        for entry in lists {
            let over = try call("GET", path(entry.path, team: team) + "?take=51", as: admin)
            XCTAssertEqual(over.status, 400, entry.path)
            XCTAssertEqual(over.json["message"] as? String,
                           "take must not be larger than 50 (limits.max_page_size): request the list in pages with take and page", entry.path)
            let full = try call("GET", path(entry.path, team: team) + "?take=50", as: admin)
            XCTAssertEqual(full.status, 200, "\(entry.path): \(full.text)")
            XCTAssertEqual(ids(full, entry.key).count, 50, entry.path)
        }
    }

    func testAListLongerThanThePageSizeIsRefusedRatherThanCut() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedBulk(for: admin)
        for entry in lists where entry.key != "users" {
            let whole = try call("GET", path(entry.path, team: team), as: admin)
            XCTAssertEqual(whole.status, 400, "\(entry.path): \(whole.text.prefix(200))")
            XCTAssertEqual(whole.json["message"] as? String,
                           "This list has more than 50 items (limits.max_page_size): request it in pages with take and page", entry.path)
        }
        // Users were always paged by Cal.com (`take` defaults to 10).
        XCTAssertEqual(ids(try call("GET", "/v1/users", as: admin), "users").count, 10)
    }

    func testAListOfExactlyThePageSizeIsAnsweredWholeAsBefore() throws {
        let alice = try seedUser("alice")
        _ = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime")
            SELECT 'b-' || g, $1::int, 'B', now(), now() FROM generate_series(1, 50) g
            """, [.text(String(alice.id))])
        _ = try db.query(#"INSERT INTO "Attendee" ("bookingId", email, name, "timeZone") SELECT id, 'g@example.com', 'G', 'UTC' FROM "Booking""#, [])
        for (path, key) in [("/v1/bookings", "bookings"), ("/v1/attendees", "attendees")] {
            let whole = try call("GET", path, as: alice)
            XCTAssertEqual(whole.status, 200, whole.text)
            XCTAssertEqual(ids(whole, key).count, 50, path)
        }
    }

    func testPagingThroughALongListReturnsEveryRowExactlyOnce() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let team = try seedBulk(for: admin)
        for entry in lists {
            var seen: [String] = []
            var page = 1
            while true {
                let response = try call("GET", path(entry.path, team: team) + "?take=50&page=\(page)", as: admin)
                XCTAssertEqual(response.status, 200, "\(entry.path) page \(page): \(response.text.prefix(200))")
                let rows = ids(response, entry.key)
                XCTAssertLessThanOrEqual(rows.count, 50)
                seen += rows
                if rows.count < 50 || page > 10 { break }
                page += 1
            }
            let expected = try db.query(path(entry.ids, team: team, admin: admin), [])
            let truth = (0..<expected.count).compactMap { expected.string($0, 0) }
            XCTAssertGreaterThan(truth.count, 50, entry.path)
            XCTAssertEqual(seen.count, Set(seen).count, "\(entry.path): no row twice")
            XCTAssertEqual(Set(seen), Set(truth), "\(entry.path): every row")
        }
    }

    func testAnAvailabilityPeriodLongerThanTheLimitIsRefused() throws {
        let alice = try seedUser("alice")
        let longest = try call("GET", "/v1/availability?userId=\(alice.id)&dateFrom=2030-01-01T00:00:00Z&dateTo=2030-01-31T00:00:00Z", as: alice)
        XCTAssertEqual(longest.status, 200, longest.text)
        let message = "The period from dateFrom to dateTo must not be longer than 30 days (limits.max_availability_days)"
        for range in ["dateFrom=2030-01-01T00:00:00Z&dateTo=2030-01-31T00:00:01Z", "dateFrom=2030-01-01&dateTo=3030-01-01"] {
            for path in ["/v1/availability?userId=\(alice.id)&", "/v1/users/\(alice.id)/availability?"] {
                let response = try call("GET", path + range, as: alice)
                XCTAssertEqual(response.status, 400, path + range)
                XCTAssertEqual(response.json["message"] as? String, message, path + range)
            }
        }
        // An endless period is no date range (it used to generate days for ever).
        let endless = try call("GET", "/v1/availability?userId=\(alice.id)&dateFrom=2030-01-01&dateTo=infinity", as: alice)
        XCTAssertEqual(endless.status, 400, endless.text)
        XCTAssertEqual(endless.json["message"] as? String, "Invalid date range")
    }

    func testABookingLongerThanTheLimitIsRefusedBeforeItsSlotIsComputed() throws {
        let alice = try seedUser("alice")
        let eventType = try seedEventType(owner: alice)
        func book(end: String) throws -> HTTPClient.Response {
            try call("POST", "/v1/bookings", as: alice, body: [
                "eventTypeId": eventType, "start": "2030-01-07T09:00:00Z", "end": end, "timeZone": "UTC", "language": "en",
                "metadata": [String: Any](), "responses": ["name": "Booker", "email": "booker@example.com"]])
        }
        let long = try book(end: "2030-02-07T09:00:00Z")
        XCTAssertEqual(long.status, 400, long.text)
        XCTAssertEqual(long.json["message"] as? String, "A booking must not be longer than 30 days (limits.max_availability_days)")
        let endless = try book(end: "3030-01-07T09:00:00Z")
        XCTAssertEqual(endless.json["message"] as? String, "A booking must not be longer than 30 days (limits.max_availability_days)")
        XCTAssertEqual(try value(#"SELECT count(*) FROM "Booking""#), "0")
        let ordinary = try book(end: "2030-01-07T09:30:00Z")
        XCTAssertEqual(ordinary.status, 200, ordinary.text)
    }

    func testTeamAvailabilityIsPagedByMember() throws {
        let admin = try seedUser("root", role: "ADMIN")
        let members = try (1...5).map { try seedUser("member\($0)") }
        let team = Int64(try XCTUnwrap(try value(#"INSERT INTO "Team" (name, slug) VALUES ('Sales', 'sales') RETURNING id"#)))!
        for member in members {
            _ = try db.query(#"INSERT INTO "Membership" ("teamId", "userId", role, accepted) VALUES ($1::int, $2::int, 'MEMBER', true)"#,
                             [.text(String(team)), .text(String(member.id))])
        }
        let period = "dateFrom=2030-01-01T00:00:00Z&dateTo=2030-01-08T00:00:00Z"
        let whole = try call("GET", "/v1/teams/\(team)/availability?\(period)", as: admin)
        XCTAssertEqual(whole.status, 400, whole.text)
        XCTAssertEqual(whole.json["message"] as? String,
                       "This list has more than 3 items (limits.max_team_availability_members): request it in pages with take and page")
        let tooMany = try call("GET", "/v1/availability?teamId=\(team)&\(period)&take=4", as: admin)
        XCTAssertEqual(tooMany.status, 400)
        XCTAssertEqual(tooMany.json["message"] as? String,
                       "take must not be larger than 3 (limits.max_team_availability_members): request the list in pages with take and page")
        var seen: [Int64] = []
        for page in 1...3 {
            let response = try call("GET", "/v1/teams/\(team)/availability?\(period)&take=3&page=\(page)", as: admin)
            XCTAssertEqual(response.status, 200, response.text)
            let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            XCTAssertTrue(entries.allSatisfy { $0["availability"] is [String: Any] })
            seen += entries.compactMap { ($0["userId"] as? Int).map(Int64.init) }
        }
        XCTAssertEqual(seen, members.map(\.id))
    }
}

/// A page size below Cal.com's default `take` of `/users` (10): the default shrinks to the limit.
final class SmallPageSizeTests: APITestCase {
    override var configYAML: String { "limits:\n  max_page_size: 5\n" }

    func testUsersDefaultTakeNeverExceedsThePageSize() throws {
        let admin = try seedUser("root", role: "ADMIN")
        for index in 1...7 { try seedUser("user\(index)") }
        let response = try call("GET", "/v1/users", as: admin)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(list(response, "users").count, 5)
        XCTAssertEqual(response.json["total"] as? Int, 8)
    }
}
