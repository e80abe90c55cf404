/// A JSON object that keeps its members in insertion order.
///
/// Keys are unique: setting an existing key replaces its value in place (so the key keeps its
/// first position, as JavaScript objects do), setting `nil` removes it. Lookups are linear, which
/// is the fastest choice for the small objects of API bodies; the parser switches to a hashed
/// index while it reads large objects.
///
/// Equality compares members in order.
struct JSONObject: Equatable {
    /// The members in insertion order.
    // Spelled `Array<...>` rather than `[...]`: with the sugar, Swift 6.3.1 reports a "circular
    // reference" between JSONValue and JSONObject whenever another file reads `members`.
    var members: Array<(key: String, value: JSONValue)>

    /// Creates an object from members whose keys must already be unique.
    init(members: Array<(key: String, value: JSONValue)> = []) {
        self.members = members
    }

    /// The value stored under `key`; assigning `nil` removes the member.
    subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key {
                return member.value
            }
            return nil
        }
        set {
            let position = members.firstIndex { $0.key == key }
            switch (position, newValue) {
            case let (position?, value?): members[position].value = value
            case let (position?, nil): members.remove(at: position)
            case let (nil, value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The keys in insertion order.
    var keys: [String] { members.map(\.key) }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
