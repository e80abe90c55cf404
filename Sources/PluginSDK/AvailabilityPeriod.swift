/// The bound on the period an availability computation covers (`limits.max_availability_days`):
/// its cost grows with every day of the period, so `GET /availability`, `GET /slots` and
/// `POST /bookings` check the period before running `AvailabilitySQL`.
extension AvailabilitySQL {
    /// Whether the period from `$1` to `$2` (ISO text) is longer than `$3` days; fails as invalid
    /// input when an end is no instant (`infinity` included: the difference is out of range).
    static let periodTooLong = "SELECT $2::timestamptz - $1::timestamptz > make_interval(days => $3::int)"
}

extension Request {
    /// Throws 400 `<what> must not be longer than N days (limits.max_availability_days)` when the
    /// period is longer than the limit. A bad end fails the statement as invalid input: `failures`
    /// says how to answer it, as for `run`.
    public func requireAvailabilityPeriod(from: Param, to: Param, _ what: String, on failures: [DatabaseFailure: HTTPError] = [:]) throws {
        let rows = try run(shared: .availabilityPeriodTooLong, [from, to, .int(Limits.maxAvailabilityDays)], on: failures)
        if rows.bool(0, 0) == true {
            throw HTTPError.badRequest("\(what) must not be longer than \(Limits.maxAvailabilityDays) days (limits.max_availability_days)")
        }
    }
}
