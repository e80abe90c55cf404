/// The id every response carries in `X-Request-Id` and its access-log line shows.
enum RequestID {
    static let header = "X-Request-Id"
    static let maxLength = 128

    /// The client's (or a proxy's) id when it is sane: 1 to 128 characters among letters, digits and
    /// `-_.:/+=@`, so it cannot break a header or a log line; otherwise a new one.
    static func accept(_ incoming: String?) -> String {
        if let incoming, isSane(incoming) { return incoming }
        return generate()
    }

    static func isSane(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= maxLength && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-_.:/+=@".utf8.contains(byte)
            }
        }
    }

    /// 128 random bits as 32 lower-case hex digits (the form of nginx's `$request_id`).
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 32)
        for half in 0..<2 {
            var value = generator.next()
            for index in 0..<16 {
                bytes[half * 16 + index] = digits[Int(value & 0xF)]
                value >>= 4
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
