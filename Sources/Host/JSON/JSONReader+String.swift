// String literals: a scan for the closing quote, a copy only when escapes force one.

extension JSONReader {
    /// Reads a string literal; `index` is on the opening quote and ends after the closing one.
    mutating func readString() throws -> String {
        let start = index + 1
        var cursor = start
        // OR of all bytes: below 0x80 means pure ASCII, which needs no UTF-8 validation.
        var highBits: UInt8 = 0
        while cursor < input.count {
            let byte = input[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return try makeString(UnsafeBufferPointer(rebasing: input[start..<cursor]), isASCII: highBits < 0x80, rawStart: start)
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(from: start, firstEscape: cursor, highBits: highBits)
            }
            if byte < 0x20 {
                throw error("Bad control character in string literal", at: cursor)
            }
            highBits |= byte
            cursor += 1
        }
        throw endOfInput()
    }

    /// Continues a string that contains escapes, decoding it into `scratch`.
    private mutating func readEscapedString(from start: Int, firstEscape: Int, highBits: UInt8) throws -> String {
        // Escapes always decode to valid UTF-8, so only raw bytes decide whether to validate.
        var highBits = highBits
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<firstEscape]))
        var cursor = firstEscape
        while cursor < input.count {
            let byte = input[cursor]
            switch byte {
            case UInt8(ascii: "\""):
                index = cursor + 1
                return try scratch.withUnsafeBufferPointer { try makeString($0, isASCII: highBits < 0x80, rawStart: start) }
            case UInt8(ascii: "\\"):
                cursor = try readEscape(at: cursor)
            case 0..<0x20:
                throw error("Bad control character in string literal", at: cursor)
            default:
                scratch.append(byte)
                highBits |= byte
                cursor += 1
            }
        }
        throw endOfInput()
    }

    /// Decodes the escape whose backslash is at `offset` into `scratch`; returns the next offset.
    private mutating func readEscape(at offset: Int) throws -> Int {
        guard offset + 1 < input.count else { throw endOfInput() }
        let simple: UInt8
        switch input[offset + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return try readUnicodeEscape(at: offset)
        default: throw unexpected(at: offset + 1)
        }
        scratch.append(simple)
        return offset + 2
    }

    /// Decodes `\uXXXX`, pairing surrogates; a lone surrogate becomes U+FFFD.
    private mutating func readUnicodeEscape(at offset: Int) throws -> Int {
        let unit = try hexQuad(at: offset + 2)
        var next = offset + 6
        var scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
        if (0xD800..<0xDC00).contains(unit),
           next + 1 < input.count, input[next] == UInt8(ascii: "\\"), input[next + 1] == UInt8(ascii: "u") {
            let low = try hexQuad(at: next + 2)
            if (0xDC00..<0xE000).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))!
                next += 6
            }
        }
        scratch.append(contentsOf: UTF8.encode(scalar)!)
        return next
    }

    /// Reads four hex digits starting at `offset`.
    private func hexQuad(at offset: Int) throws -> UInt16 {
        var value: UInt16 = 0
        for position in offset..<offset + 4 {
            guard position < input.count else { throw endOfInput() }
            let byte = input[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unexpected(at: position)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Builds a String after validating the UTF-8 (skipped for pure ASCII).
    ///
    /// On failure the error points at the first bad byte of the raw literal starting at
    /// `rawStart`: escapes decode to valid UTF-8, so the culprit is always a raw byte.
    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool, rawStart: Int) throws -> String {
        if !isASCII && !UTF8Validation.isValid(utf8) {
            var offset = rawStart
            while offset < input.count {
                let length = UTF8Validation.validSequenceLength(input, at: offset)
                if length == 0 { break }
                offset += length
            }
            throw error("Invalid UTF-8", at: offset)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
