extension Request {
    /// Throws 403 `Forbidden` unless the caller is a system admin or `ownerId` itself.
    public func requireSelfOrAdmin(_ ownerId: Int64) throws {
        if !isAdmin && userId != ownerId { throw HTTPError.forbidden }
    }
}

/// JavaScript number parsing that Cal.com's schemas relied on.
public enum JavaScript {
    /// `parseInt(text, 10)`: optional leading whitespace and sign, then the longest run of digits.
    /// Nil where JavaScript gives NaN, or when the value does not fit 64 bits.
    public static func parseInt(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8.drop { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, let magnitude = Int64(String(decoding: digits, as: UTF8.self)) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
