import CalapiPluginAPI

/// The bound on the period an availability computation covers (`limits.max_availability_days`):
/// its cost grows with every day of the period, so `GET /availability` and `POST /bookings` check
/// the period with this statement before running `AvailabilitySQL`.
extension AvailabilitySQL {
    /// Whether the period from `$1` to `$2` (ISO text) is longer than `$3` days; fails as invalid
    /// input when an end is no instant (`infinity` included: the difference is out of range).
    public static let periodTooLong = "SELECT $2::timestamptz - $1::timestamptz > make_interval(days => $3::int)"
}

extension Request {
    /// Runs `statement` (`AvailabilitySQL.periodTooLong`) on the period; when it is longer than
    /// `limits.max_availability_days` answers 400 `<what> must not be longer than N days
    /// (limits.max_availability_days)` and returns false. Throws the statement's failure.
    public func availabilityPeriodFits(_ statement: Statement, from: Param, to: Param, _ what: String) throws -> Bool {
        let rows = try run(statement, from, to, .int(Limits.maxAvailabilityDays))
        guard rows.bool(0, 0) == true else { return true }
        error(400, "\(what) must not be longer than \(Limits.maxAvailabilityDays) days (limits.max_availability_days)")
        return false
    }
}
