/// JavaScript's `Number()` conversion of a string, which Cal.com's `z.coerce.number()` applies.
extension JavaScript {
    /// `Number(text)`: surrounding whitespace ignored, the empty string is 0, `0x`/`0o`/`0b` integers,
    /// `Infinity` with an optional sign, and decimal literals with an optional sign, fraction and
    /// exponent. Nil where JavaScript gives NaN.
    public static func number(_ text: String) -> Double? {
        let trimmed = Substring(text).drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        let literal = String(trimmed)
        if literal.isEmpty { return 0 }
        if let value = radixInteger(literal) { return value }
        switch literal {
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return isDecimalLiteral(literal) ? Double(literal) : nil
        }
    }

    /// `Number(text)` when it is an integer that a 64-bit id can hold exactly (below 2^53).
    public static func exactInteger(_ text: String) -> Int64? {
        guard let value = number(text), value.isFinite, value.rounded() == value, abs(value) < 9_007_199_254_740_992 else {
            return nil
        }
        return Int64(value)
    }

    /// `0x1F`, `0o17`, `0b101` (no sign allowed, as in JavaScript).
    private static func radixInteger(_ literal: String) -> Double? {
        let bytes = Array(literal.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "0") else { return nil }
        let radix: Int
        switch bytes[1] | 0x20 {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        case UInt8(ascii: "b"): radix = 2
        default: return nil
        }
        var value = 0.0
        for byte in bytes.dropFirst(2) {
            guard let digit = Int(String(UnicodeScalar(byte)), radix: radix) else { return nil }
            value = value * Double(radix) + Double(digit)
        }
        return value
    }

    /// `[+-]digits[.digits][e[+-]digits]`, with digits on at least one side of the point.
    private static func isDecimalLiteral(_ literal: String) -> Bool {
        var bytes = Substring(literal).utf8[...]
        func digits() -> Int {
            let run = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(run)
            return run
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let marker = bytes.first, marker | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
