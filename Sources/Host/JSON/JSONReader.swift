/// The cursor behind `JSONParser`: reads values from a borrowed byte buffer by index.
///
/// The buffer is borrowed for the duration of one `parse` call only.
struct JSONReader {
    /// The document's bytes.
    let input: UnsafeBufferPointer<UInt8>
    /// How many containers may be open at once.
    let maxDepth: Int
    /// The offset of the next byte to read.
    var index = 0
    /// How many containers are open.
    var depth = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.input = input
        self.maxDepth = maxDepth
    }

    /// Reads the single value that must make up the whole input.
    mutating func readDocument() throws -> JSONValue {
        let value = try readValue()
        skipWhitespace()
        if index < input.count {
            throw unexpected(at: index)
        }
        return value
    }

    /// Reads one value of any kind, after optional whitespace.
    mutating func readValue() throws -> JSONValue {
        skipWhitespace()
        guard index < input.count else { throw endOfInput() }
        switch input[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        default:
            throw unexpected(at: index)
        }
    }

    /// Skips the four JSON whitespace bytes (space, tab, line feed, carriage return).
    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard index < input.count else { throw endOfInput() }
            guard input[index] == byte else { throw unexpected(at: index) }
            index += 1
        }
    }

    private mutating func enterContainer() throws {
        depth += 1
        if depth > maxDepth {
            throw error("Nesting deeper than \(maxDepth) levels", at: index)
        }
        index += 1
    }

    private mutating func readArray() throws -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < input.count, input[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue())
            if try readSeparator(closing: UInt8(ascii: "]")) { break }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func readObject() throws -> JSONValue {
        try enterContainer()
        var members: [(key: String, value: JSONValue)] = []
        // Built only once an object grows past a handful of members, to keep duplicate checks linear.
        var positions: [String: Int]?
        skipWhitespace()
        if index < input.count, input[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(members: members))
        }
        while true {
            skipWhitespace()
            guard index < input.count else { throw endOfInput() }
            guard input[index] == UInt8(ascii: "\"") else { throw unexpected(at: index) }
            let key = try readString()
            skipWhitespace()
            guard index < input.count else { throw endOfInput() }
            guard input[index] == UInt8(ascii: ":") else { throw unexpected(at: index) }
            index += 1
            let value = try readValue()
            if let existing = Self.position(of: key, in: members, index: &positions) {
                members[existing].value = value
            } else {
                positions?[key] = members.count
                members.append((key, value))
            }
            if try readSeparator(closing: UInt8(ascii: "}")) { break }
        }
        depth -= 1
        return .object(JSONObject(members: members))
    }

    /// Finds `key` among `members`, building the hashed index when the object gets large.
    private static func position(
        of key: String, in members: [(key: String, value: JSONValue)], index: inout [String: Int]?
    ) -> Int? {
        if let index {
            return index[key]
        }
        if members.count < 16 {
            return members.firstIndex { $0.key == key }
        }
        var built: [String: Int] = [:]
        for (offset, member) in members.enumerated() {
            built[member.key] = offset
        }
        index = built
        return built[key]
    }

    /// Consumes `,` (returns false) or the closing bracket (returns true).
    private mutating func readSeparator(closing: UInt8) throws -> Bool {
        skipWhitespace()
        guard index < input.count else { throw endOfInput() }
        switch input[index] {
        case UInt8(ascii: ","):
            index += 1
            return false
        case closing:
            index += 1
            return true
        default:
            throw unexpected(at: index)
        }
    }
}
