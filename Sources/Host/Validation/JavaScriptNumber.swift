/// JavaScript's `Number(string)` for query values, which arrive as text.
enum JavaScriptNumber {
    /// The number `Number(text)` gives, as `.int` when it is an exactly representable integer;
    /// nil where the result is NaN. Unlike JavaScript, an empty (or all-blank) string and the
    /// infinities are refused too: neither is a usable query value.
    ///
    /// Accepted, after trimming JavaScript white space: decimal literals (`12`, `-1.5`, `.5`,
    /// `5.`, `1e3`) and unsigned `0x`/`0o`/`0b` integers.
    static func parse(_ text: String) -> JSONValue? {
        let bytes = trimmed(text)
        guard !bytes.isEmpty else { return nil }
        let value: Double
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), let radix = radix(of: bytes[1]) {
            guard let integer = integerValue(bytes.dropFirst(2), radix: radix) else { return nil }
            value = integer
        } else {
            guard isDecimalLiteral(bytes), let decimal = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
            value = decimal
        }
        guard value.isFinite else { return nil }
        if value.rounded(.towardZero) == value && value.magnitude <= 0x1p53 {
            return .int(Int64(value))
        }
        return .double(value)
    }

    private static func radix(of marker: UInt8) -> Double? {
        switch marker | 0x20 {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    private static func integerValue(_ digits: ArraySlice<UInt8>, radix: Double) -> Double? {
        var value = 0.0
        for byte in digits {
            let digit: Double
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Double(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Double(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Double(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            value = value * radix + digit
        }
        return value
    }

    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
    private static func isDecimalLiteral(_ bytes: [UInt8]) -> Bool {
        var position = 0
        func digitRun() -> Int {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - start
        }
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { position = 1 }
        var mantissaDigits = digitRun()
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            mantissaDigits += digitRun()
        }
        guard mantissaDigits > 0 else { return false }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digitRun() > 0 else { return false }
        }
        return position == bytes.count
    }

    /// The UTF-8 of `text` without JavaScript white space or line terminators at either end.
    private static func trimmed(_ text: String) -> [UInt8] {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isJavaScriptSpace($0) }),
              let last = scalars.lastIndex(where: { !isJavaScriptSpace($0) }) else { return [] }
        return Array(String(scalars[first...last]).utf8)
    }

    private static func isJavaScriptSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0xFEFF, 0x2028, 0x2029: return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}
