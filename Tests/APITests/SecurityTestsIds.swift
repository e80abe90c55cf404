import XCTest
@testable import Host

/// Issue 8, hole 1: an id is read by one rule per route, once, by the host, so the access check and
/// the handler see the same row. Spellings JavaScript's `Number()` reads as the same number (`0x1`,
/// `1e0`, `1.0`, `0b1`) used to skip the owner check of `/custom-inputs/{id}` while the handler
/// still found the row.
final class SecurityTestsIds: APITestCase {
    /// Spellings of `id` that `Number()` reads as `id`.
    private func spellings(_ id: Int64) -> [String] {
        ["0x\(String(id, radix: 16))", "\(id)e0", "\(id).0", "0b\(String(id, radix: 2))", "0o\(String(id, radix: 8))", "%20\(id)"]
    }

    private func seedInput(eventType: Int64, label: String) throws -> Int64 {
        let rows = try db.query(#"""
            INSERT INTO "EventTypeCustomInput" ("eventTypeId", label, type, required) VALUES ($1::int, $2, 'text', false) RETURNING id
            """#, [.text(String(eventType)), .text(label)])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    func testCustomInputSpellingsStillCheckTheOwner() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        let victims = try seedEventType(owner: victim, slug: "private")
        let attackers = try seedEventType(owner: attacker, slug: "mine")
        let input = try seedInput(eventType: victims, label: "victim-secret")

        for spelled in spellings(input) {
            let read = try call("GET", "/v1/custom-inputs/\(spelled)", as: attacker)
            XCTAssertEqual(read.status, 403, "GET \(spelled): \(read.text)")
            XCTAssertFalse(read.text.contains("victim-secret"), spelled)
            let moved = try call("PATCH", "/v1/custom-inputs/\(spelled)", as: attacker, body: ["eventTypeId": attackers, "label": "pwned"])
            XCTAssertEqual(moved.status, 403, "PATCH \(spelled): \(moved.text)")
            let deleted = try call("DELETE", "/v1/custom-inputs/\(spelled)", as: attacker)
            XCTAssertEqual(deleted.status, 403, "DELETE \(spelled): \(deleted.text)")
        }
        XCTAssertEqual(try value(#"SELECT "eventTypeId" || ':' || label FROM "EventTypeCustomInput" WHERE id = $1::int"#, [.text(String(input))]),
                       "\(victims):victim-secret")

        // The same rule serves the owner: every spelling names the same input.
        for spelled in spellings(input) {
            let own = try call("GET", "/v1/custom-inputs/\(spelled)", as: victim)
            XCTAssertEqual(own.status, 200, "\(spelled): \(own.text)")
            XCTAssertEqual(object(own, "event_type_custom_input")["id"] as? Int, Int(input))
        }
    }

    /// Every `{id}` route that holds a row of someone else: no spelling of its id reads or changes it.
    func testNoIdSpellingReachesAnotherUsersRows() throws {
        let attacker = try seedUser("mallory")
        let victim = try seedUser("victor")
        let eventType = try seedEventType(owner: victim, slug: "victim-secret-type")
        let booking = try seedBooking(victim, title: "victim-secret-booking", eventTypeId: eventType)
        let attendee = try seedAttendee(booking, email: "guest@example.com", name: "victim-secret-attendee")
        let reference = try seedReference(booking)
        let payment = try seedPayment(booking)
        let schedule = try XCTUnwrap(try db.query(#"INSERT INTO "Schedule" ("userId", name) VALUES ($1::int, 'victim-secret-schedule') RETURNING id"#,
                                                  [.text(String(victim.id))]).int64(0, 0))
        let availability = try XCTUnwrap(try db.query(#"""
            INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime") VALUES ($1::int, '{1}', '09:00', '17:00') RETURNING id
            """#, [.text(String(schedule))]).int64(0, 0))
        let calendar = try XCTUnwrap(try db.query(#"""
            INSERT INTO "DestinationCalendar" (integration, "externalId", "userId") VALUES ('google_calendar', 'victim-secret-cal', $1::int) RETURNING id
            """#, [.text(String(victim.id))]).int64(0, 0))
        let team = try seedTeam("Victim team", slug: "victim-secret-team")
        try seedMembership(victim, team, role: "OWNER")

        let targets: [(String, Int64)] = [
            ("event-types", eventType), ("bookings", booking), ("attendees", attendee), ("booking-references", reference),
            ("payments", payment), ("schedules", schedule), ("availabilities", availability),
            ("destination-calendars", calendar), ("users", victim.id), ("teams", team),
        ]
        for (resource, id) in targets {
            for spelled in spellings(id) {
                let read = try call("GET", "/v1/\(resource)/\(spelled)", as: attacker)
                XCTAssertTrue([400, 401, 403, 404].contains(read.status), "GET \(resource)/\(spelled): \(read.status) \(read.text)")
                XCTAssertFalse(read.text.contains("victim-secret") || read.text.contains("victor@"), "GET \(resource)/\(spelled): \(read.text)")
                if resource == "payments" { continue }
                let deleted = try call("DELETE", "/v1/\(resource)/\(spelled)", as: attacker)
                XCTAssertTrue([400, 401, 403, 404].contains(deleted.status), "DELETE \(resource)/\(spelled): \(deleted.status) \(deleted.text)")
            }
        }
        let survivors = try value(#"""
            SELECT (SELECT count(*) FROM "EventType")::text || (SELECT count(*) FROM "Booking" WHERE status = 'accepted')
              || (SELECT count(*) FROM "Attendee") || (SELECT count(*) FROM "BookingReference") || (SELECT count(*) FROM "Schedule")
              || (SELECT count(*) FROM "Availability") || (SELECT count(*) FROM "DestinationCalendar")
              || (SELECT count(*) FROM users) || (SELECT count(*) FROM "Team")
            """#)
        XCTAssertEqual(survivors, "111111121")
    }
}
