/// A cursor over the ASCII bytes of a date or time string.
struct DigitScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { position == bytes.count }

    /// Consumes `character` if it is next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// Consumes and returns the next character if it is one of `characters`.
    mutating func take(oneOf characters: String) -> Character? {
        guard position < bytes.count, let scalar = characters.unicodeScalars.first(where: { $0.value == bytes[position] }) else {
            return nil
        }
        position += 1
        return Character(scalar)
    }

    /// Consumes exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += digits
        return value
    }

    /// Consumes a run of digits; returns the value of its first 15 digits and the count of those.
    mutating func digitRun() -> (value: Int, count: Int) {
        var value = 0
        var count = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            if count < 15 {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                count += 1
            }
            position += 1
        }
        return (value, count)
    }
}
