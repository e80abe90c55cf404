import Glibc

/// Wall-clock time for log lines: RFC 3339 in UTC with milliseconds, `2025-06-01T12:34:56.789Z`.
enum LogTime {
    static func now() -> String {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        var seconds = time.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        digits(Int(parts.tm_year) + 1900, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2, &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2, &bytes)
        bytes.append(UInt8(ascii: "."))
        digits(Int(time.tv_nsec / 1_000_000), 3, &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func digits(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
