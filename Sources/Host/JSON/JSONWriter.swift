/// Appends compact JSON text to a byte buffer, without Foundation.
///
/// Strings are escaped as `JSON.stringify` does: `"` and `\` get a backslash, the control
/// characters with short forms use them (`\b \t \n \f \r`), the others become lower-case
/// `\u00XX`; everything else, including U+2028/U+2029, is copied raw. Numbers print as in
/// JavaScript (see `writeDouble`).
///
/// ```swift
/// var writer = JSONWriter()
/// writer.writeRaw(#"{"user":"#.utf8)
/// writer.write(user)
/// writer.writeRaw("}".utf8)
/// ```
struct JSONWriter {
    /// The text written so far.
    var bytes: [UInt8] = []

    /// Appends `value` as compact JSON.
    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null".utf8)
        case .bool(let flag): writeRaw(flag ? "true".utf8 : "false".utf8)
        case .int(let number): writeInt(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `s` as a quoted, escaped JSON string.
    mutating func writeString(_ s: String) {
        var text = s
        text.withUTF8 { writeEscaped(UnsafeRawBufferPointer($0)) }
    }

    /// Appends UTF-8 bytes as a quoted, escaped JSON string.
    ///
    /// The bytes must be valid UTF-8 (database text is); they are copied as they are, so invalid
    /// sequences would reach the output unchanged.
    mutating func writeEscaped(_ utf8: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<offset]))
            appendEscape(for: byte)
            runStart = offset + 1
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(for byte: UInt8) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x09: short = UInt8(ascii: "t")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0D: short = UInt8(ascii: "r")
        default:
            // Control characters are below 0x20, so the high nibble is 0 or 1.
            let low = byte & 0xF
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0") + (byte >> 4))
            bytes.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(short)
    }

    /// Appends a decimal integer.
    mutating func writeInt(_ v: Int64) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: v.magnitude)
    }

    /// Appends the decimal digits of `value` (no sign).
    mutating func appendDigits(of value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = value
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Appends bytes that are already JSON (or part of it), unchanged.
    mutating func writeRaw(_ utf8: some Collection<UInt8>) {
        bytes.append(contentsOf: utf8)
    }
}
