import XCTest
@testable import Host

/// Rows the booking-family tests start from, inserted straight into the database.
extension APITestCase {
    /// A booking organized by `organizer` (nil: no organizer); returns its id.
    @discardableResult
    func seedBooking(_ organizer: Account?, title: String = "Meeting", start: String = "2030-01-01T10:00:00Z",
                     end: String = "2030-01-01T10:30:00Z", status: String = "accepted", eventTypeId: Int64? = nil,
                     recurringEventId: String? = nil) throws -> Int64 {
        let rows = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime", status, "eventTypeId", "recurringEventId", metadata, responses)
            VALUES (gen_random_uuid()::text, $1::int, $2, $3::timestamptz AT TIME ZONE 'UTC', $4::timestamptz AT TIME ZONE 'UTC',
                    $5::"BookingStatus", $6::int, $7, '{}', '{"name":"Guest"}')
            RETURNING id
            """, [organizer.map { .text(String($0.id)) } ?? .null, .text(title), .text(start), .text(end), .text(status),
                  eventTypeId.map { .text(String($0)) } ?? .null, recurringEventId.map { .text($0) } ?? .null])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    @discardableResult
    func seedAttendee(_ bookingId: Int64, email: String, name: String = "Guest") throws -> Int64 {
        let rows = try db.query("""
            INSERT INTO "Attendee" ("bookingId", email, name, "timeZone") VALUES ($1::int, $2, $3, 'Europe/Paris') RETURNING id
            """, [.text(String(bookingId)), .text(email), .text(name)])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    @discardableResult
    func seedPayment(_ bookingId: Int64, amount: Int = 1500) throws -> Int64 {
        let rows = try db.query("""
            INSERT INTO "Payment" (uid, "bookingId", amount, fee, currency, success, refunded, data, "externalId")
            VALUES (gen_random_uuid()::text, $1::int, $2::int, 30, 'usd', true, false, '{"secret":"x"}', gen_random_uuid()::text)
            RETURNING id
            """, [.text(String(bookingId)), .text(String(amount))])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    @discardableResult
    func seedReference(_ bookingId: Int64, type: String = "zoom_video", deleted: Bool? = nil) throws -> Int64 {
        let rows = try db.query("""
            INSERT INTO "BookingReference" (type, uid, "bookingId", "meetingUrl", deleted)
            VALUES ($1, gen_random_uuid()::text, $2::int, 'https://zoom.example/1', $3::boolean) RETURNING id
            """, [.text(type), .text(String(bookingId)), deleted.map { .text($0 ? "true" : "false") } ?? .null])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    /// An event type owned by `owner` or by `teamId`; returns its id.
    @discardableResult
    func seedEventType(owner: Account?, teamId: Int64? = nil, slug: String = "intro", length: Int = 30,
                       requiresConfirmation: Bool = false) throws -> Int64 {
        let rows = try db.query("""
            INSERT INTO "EventType" (title, slug, length, "userId", "teamId", "requiresConfirmation")
            VALUES ($1, $1, $2::int, $3::int, $4::int, $5::boolean) RETURNING id
            """, [.text(slug), .text(String(length)), owner.map { .text(String($0.id)) } ?? .null,
                  teamId.map { .text(String($0)) } ?? .null, .text(requiresConfirmation ? "true" : "false")])
        return try XCTUnwrap(rows.int64(0, 0))
    }

    /// JSON objects of an array in an envelope.
    func list(_ response: HTTPClient.Response, _ key: String) -> [[String: Any]] {
        response.json[key] as? [[String: Any]] ?? []
    }

    func object(_ response: HTTPClient.Response, _ key: String) -> [String: Any] {
        response.json[key] as? [String: Any] ?? [:]
    }
}
