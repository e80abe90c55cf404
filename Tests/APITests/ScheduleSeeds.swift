import XCTest
@testable import Host

/// Schedules, working hours and event type settings the availability-family tests start from.
extension APITestCase {
    /// A schedule of `owner` in `timeZone`, made their default; returns its id.
    @discardableResult
    func seedSchedule(_ owner: Account, timeZone: String = "UTC", makeDefault: Bool = true) throws -> Int64 {
        let id = try XCTUnwrap(try db.query(#"INSERT INTO "Schedule" ("userId", name, "timeZone") VALUES ($1::int, 'Work', $2) RETURNING id"#,
                                            [.text(String(owner.id)), .text(timeZone)]).int64(0, 0))
        if makeDefault {
            _ = try db.query(#"UPDATE users SET "defaultScheduleId" = $1::int WHERE id = $2::int"#, [.text(String(id)), .text(String(owner.id))])
        }
        return id
    }

    /// An `Availability` row: weekday hours (`days`) or, with `date`, a date override.
    func seedHours(_ schedule: Int64, days: [Int] = [1, 2, 3, 4, 5], start: String = "09:00", end: String = "17:00", date: String? = nil) throws {
        _ = try db.query(#"""
            INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime", date)
            VALUES ($1::int, $2::int[], $3::time, $4::time, $5::date)
            """#, [.text(String(schedule)), .text("{" + days.map(String.init).joined(separator: ",") + "}"), .text(start), .text(end),
                   date.map { .text($0) } ?? .null])
    }

    /// Sets columns of an event type (`minimumBookingNotice`, buffers, seats, schedule).
    func configure(_ eventType: Int64, notice: Int = 0, before: Int = 0, after: Int = 0, seats: Int? = nil, schedule: Int64? = nil) throws {
        _ = try db.query(#"""
            UPDATE "EventType" SET "minimumBookingNotice" = $2::int, "beforeEventBuffer" = $3::int, "afterEventBuffer" = $4::int,
              "seatsPerTimeSlot" = $5::int, "scheduleId" = $6::int WHERE id = $1::int
            """#, [.text(String(eventType)), .text(String(notice)), .text(String(before)), .text(String(after)),
                   seats.map { .text(String($0)) } ?? .null, schedule.map { .text(String($0)) } ?? .null])
    }
}
