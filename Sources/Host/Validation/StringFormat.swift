/// The `format` values calapi enforces, each reproducing the Cal.com validator it stands for.
enum StringFormat {
    /// Cal.com's `emailSchema`: at most 254 characters, then its e-mail regex.
    case email
    /// Cal.com's `iso8601`: a string JavaScript's `Date.parse` accepts (ISO forms).
    case dateTime
    /// `YYYY-MM-DD` naming a real day (zod's `.date()`).
    case date
    /// `HH:MM` or `HH:MM:SS`, 24-hour clock.
    case time
    /// Cal.com's `timeZone`: an IANA zone name known to the system tz database, case-sensitive.
    case timeZone

    /// The format for a schema's `format` string; nil if unsupported.
    init?(name: String) {
        switch name {
        case "email": self = .email
        case "date-time": self = .dateTime
        case "date": self = .date
        case "time": self = .time
        case "timezone": self = .timeZone
        default: return nil
        }
    }

    /// Reports the issues `text` raises under this format.
    func check(_ text: String, in run: inout ValidationRun) {
        switch self {
        case .email:
            if text.utf16.count > 254 {
                run.report("too_big", "Email address is too long")
            }
            if !EmailAddress.isValid(text) {
                run.report("invalid_string", "Invalid")
            }
        case .dateTime:
            // Cal.com tests `!Date.parse(value)`, so the epoch itself (time value 0) is refused too.
            if let time = ISODateTime.timeValue(of: text), time != 0 {
                return
            }
            run.report("custom", "Invalid ISO Date")
        case .date:
            if !ISODateTime.isCalendarDate(text) {
                run.report("invalid_string", "Invalid date")
            }
        case .time:
            if !ISODateTime.isTimeOfDay(text) {
                run.report("invalid_string", "Invalid time")
            }
        case .timeZone:
            if !TimeZoneNames.shared.names.contains(text) {
                run.report("custom", TimeZoneNames.shared.message)
            }
        }
    }
}
