/// Byte-level UTF-8 checks, strict as RFC 3629 (no overlong forms, surrogates or values above U+10FFFF).
enum UTF8Validation {
    /// Whether all of `bytes` is well-formed UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            let length = validSequenceLength(bytes, at: offset)
            if length == 0 { return false }
            offset += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset`, or 0 if it is ill-formed
    /// (overlong forms, surrogates, values above U+10FFFF, truncation).
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        // Only the first continuation byte has a narrowed range.
        guard (lowest...highest).contains(bytes[offset + 1]) else { return 0 }
        for position in offset + 2..<offset + length where !(0x80...0xBF).contains(bytes[position]) {
            return 0
        }
        return length
    }

    /// How many UTF-16 code units JavaScript would count for `bytes`; each ill-formed byte counts as one.
    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var offset = 0
        while offset < bytes.count {
            let length = validSequenceLength(bytes, at: offset)
            count += length == 4 ? 2 : 1
            offset += max(length, 1)
        }
        return count
    }
}
