/// Parses `a=1&b=2&a=3` the way Next.js handed query strings to Cal.com's handlers: a key seen once
/// maps to a string, a repeated key to an array of strings, `+` is a space.
enum QueryString {
    /// Decoded pairs in order; nil when an escape is malformed.
    static func pairs(_ raw: String) -> [(key: String, value: String)]? {
        guard !raw.isEmpty else { return [] }
        var result: [(key: String, value: String)] = []
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = PercentDecoding.decode(pieces[0], plusAsSpace: true) else { return nil }
            let rawValue = pieces.count > 1 ? pieces[1] : ""
            guard let value = PercentDecoding.decode(rawValue, plusAsSpace: true) else { return nil }
            if key.isEmpty { continue }
            result.append((key, value))
        }
        return result
    }

    /// Folds pairs into a JSON object, leaving out the keys in `excluded`.
    static func object(_ pairs: [(key: String, value: String)], excluding excluded: Set<String>) -> JSONObject {
        var object = JSONObject(members: [])
        for (key, value) in pairs where !excluded.contains(key) {
            switch object[key] {
            case .string(let first)?: object[key] = .array([.string(first), .string(value)])
            case .array(var values)?:
                values.append(.string(value))
                object[key] = .array(values)
            default: object[key] = .string(value)
            }
        }
        return object
    }
}
