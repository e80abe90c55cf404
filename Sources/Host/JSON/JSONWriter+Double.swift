// Doubles printed the way JavaScript's Number.prototype.toString prints them.

extension JSONWriter {
    /// Appends `v` as JavaScript prints it: `1.5`, `100`, `1e+21`, `1.2e-7`, `0.000001`;
    /// NaN and infinities become `null`, as `JSON.stringify` does.
    mutating func writeDouble(_ v: Double) {
        guard v.isFinite else {
            writeRaw("null".utf8)
            return
        }
        if v == v.rounded(.towardZero), v.magnitude < 0x1p53 {
            writeInt(Int64(v))
            return
        }
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        // Swift's description already holds the shortest digits that round-trip; only the layout differs.
        let (digits, pointPosition) = Self.shortestDigits(v.magnitude.description)
        appendJavaScriptLayout(digits: digits, pointPosition: pointPosition)
    }

    /// The text JavaScript's `String(v)` gives for a finite double (used in validation messages).
    static func javaScriptText(_ v: Double) -> String {
        var writer = JSONWriter()
        writer.writeDouble(v)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Splits Swift's `"1.25e-07"`-style text into significant digits and the decimal point's
    /// position relative to them (value = 0.digits × 10^pointPosition).
    private static func shortestDigits(_ text: String) -> (digits: [UInt8], pointPosition: Int) {
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "+"): break
            default:
                let digit = byte - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else if digit == 0 && digits.isEmpty {
                    // A leading zero: it moves the point instead of becoming a digit.
                    if seenPoint { pointPosition -= 1 }
                } else {
                    digits.append(byte)
                    if !seenPoint { pointPosition += 1 }
                }
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, pointPosition + exponentSign * exponent)
    }

    /// Lays out digits per ECMAScript Number::toString (plain notation for 1e-7 < |v| < 1e21).
    private mutating func appendJavaScriptLayout(digits: [UInt8], pointPosition n: Int) {
        let k = digits.count
        if k <= n && n <= 21 {
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            bytes.append(contentsOf: digits[0..<n])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            bytes.append(contentsOf: digits)
        } else {
            bytes.append(digits[0])
            if k > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[1...])
            }
            bytes.append(UInt8(ascii: "e"))
            bytes.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendDigits(of: UInt64((n - 1).magnitude))
        }
    }
}
