/// Date and time strings as Cal.com's validators see them.
///
/// `timeValue(of:)` follows V8's `Date.parse` for the ECMAScript date-time string format:
/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or a six-digit signed year), optionally followed by `T` (or a
/// space, which V8 also takes) and `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff…`, optionally followed by
/// `Z` or `±HH:mm`. Like V8 it accepts days up to 31 in any month (rolling over) and `24:00`.
/// Strings without an offset are read as UTC (V8 would use the server's zone for date-times;
/// calapi servers run in UTC). V8's lenient fallback for non-ISO text ("March 7, 2024") is not
/// reproduced.
enum ISODateTime {
    /// Milliseconds since the epoch, or nil where `Date.parse` gives NaN.
    static func timeValue(of text: String) -> Double? {
        var scanner = DigitScanner(text)
        let year: Int
        if let sign = scanner.take(oneOf: "+-") {
            guard let digits = scanner.number(digits: 6), !(sign == "-" && digits == 0) else { return nil }
            year = sign == "-" ? -digits : digits
        } else {
            guard let digits = scanner.number(digits: 4) else { return nil }
            year = digits
        }
        var month = 1
        var day = 1
        if scanner.take("-") {
            guard let value = scanner.number(digits: 2), (1...12).contains(value) else { return nil }
            month = value
            if scanner.take("-") {
                guard let value = scanner.number(digits: 2), (1...31).contains(value) else { return nil }
                day = value
            }
        }
        var milliseconds = Double(daysFromCivil(year: year, month: month) + day - 1) * 86_400_000
        if scanner.take(oneOf: "T ") != nil {
            guard let time = timeOfDay(&scanner) else { return nil }
            milliseconds += time
            if scanner.take("Z") {
                // UTC, nothing to adjust.
            } else if let sign = scanner.take(oneOf: "+-") {
                guard let hours = scanner.number(digits: 2), scanner.take(":"), let minutes = scanner.number(digits: 2),
                      hours <= 23, minutes <= 59 else { return nil }
                let offset = Double(hours * 60 + minutes) * 60_000
                milliseconds += sign == "+" ? -offset : offset
            }
        }
        guard scanner.atEnd, milliseconds.magnitude <= 8.64e15 else { return nil }
        return milliseconds
    }

    /// `HH:mm[:ss[.fff…]]` in milliseconds; `24:00` only with zero minutes and seconds.
    private static func timeOfDay(_ scanner: inout DigitScanner) -> Double? {
        guard let hours = scanner.number(digits: 2), scanner.take(":"), let minutes = scanner.number(digits: 2) else {
            return nil
        }
        var seconds = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2) else { return nil }
            seconds = value
            if scanner.take(".") {
                let (digits, count) = scanner.digitRun()
                guard count > 0 else { return nil }
                fraction = (Double(digits) / pow10(count) * 1000).rounded(.down)
            }
        }
        guard minutes <= 59, seconds <= 59, hours < 24 || (hours == 24 && minutes == 0 && seconds == 0 && fraction == 0) else {
            return nil
        }
        return Double(hours * 3_600_000 + minutes * 60_000 + seconds * 1000) + fraction
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day that exists (zod's `.date()`).
    static func isCalendarDate(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.take("-"),
              let month = scanner.number(digits: 2), scanner.take("-"),
              let day = scanner.number(digits: 2), scanner.atEnd, (1...12).contains(month) else { return false }
        let nextMonthStart = month == 12 ? daysFromCivil(year: year + 1, month: 1) : daysFromCivil(year: year, month: month + 1)
        return day >= 1 && day <= nextMonthStart - daysFromCivil(year: year, month: month)
    }

    /// Whether `text` is `HH:MM` or `HH:MM:SS` on a 24-hour clock.
    static func isTimeOfDay(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        guard let hours = scanner.number(digits: 2), scanner.take(":"), let minutes = scanner.number(digits: 2),
              hours <= 23, minutes <= 59 else { return false }
        if scanner.take(":") {
            guard let seconds = scanner.number(digits: 2), seconds <= 59 else { return false }
        }
        return scanner.atEnd
    }

    /// Days from 1970-01-01 to the first day of `month` in `year` (proleptic Gregorian).
    private static func daysFromCivil(year: Int, month: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }
}
