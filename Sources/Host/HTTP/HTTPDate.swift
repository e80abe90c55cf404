import Glibc

/// The `Date` header line for responses, rebuilt at most once a second from the wall clock.
///
/// Not thread-safe: each I/O thread owns one.
struct HTTPDate {
    private var second = -1
    private var cached: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n" for the current second (RFC 9110 IMF-fixdate).
    mutating func headerLine() -> [UInt8] {
        var now = time(nil)
        if now != second {
            second = now
            var parts = tm()
            gmtime_r(&now, &parts)
            let day = HTTPDate.days[Int(parts.tm_wday) % 7]
            let month = HTTPDate.months[Int(parts.tm_mon) % 12]
            let text = "Date: \(day), \(HTTPDate.twoDigits(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
                + "\(HTTPDate.twoDigits(parts.tm_hour)):\(HTTPDate.twoDigits(parts.tm_min)):\(HTTPDate.twoDigits(parts.tm_sec)) GMT\r\n"
            cached = Array(text.utf8)
        }
        return cached
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
