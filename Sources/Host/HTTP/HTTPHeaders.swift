/// Header fields in the order they arrived, names spelled as sent. Lookups ignore ASCII case.
///
/// A plain value: no shared state, safe to copy to any thread.
struct HTTPHeaders {
    /// Every field in order; a name may repeat.
    var all: [(name: String, value: String)]

    init(_ all: [(name: String, value: String)] = []) {
        self.all = all
    }

    /// The value of the first field called `name` (ASCII case-insensitive), or nil.
    subscript(name: String) -> String? {
        for field in all where HTTPHeaders.namesMatch(field.name, name) {
            return field.value
        }
        return nil
    }

    /// True when two field names are equal ignoring ASCII case (field names are ASCII tokens).
    static func namesMatch(_ a: String, _ b: String) -> Bool {
        let left = a.utf8
        let right = b.utf8
        guard left.count == right.count else { return false }
        for (x, y) in zip(left, right) where x != y {
            guard isLetter(x), x | 0x20 == y | 0x20 else { return false }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
