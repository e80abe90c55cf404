/// Parses `a=1&b=2&a=3` the way Next.js handed query strings to Cal.com's handlers: a key seen once
/// maps to a string, a repeated key to an array of strings, `+` is a space.
///
/// Both steps are linear in the size of the query string, whatever the mix of distinct and repeated
/// keys, and `pairs` refuses more than a configured number of parameters before decoding any.
enum QueryString {
    /// Why a query string is refused.
    enum Refusal: Error, Equatable {
        /// A `%` escape is malformed or the decoded text is not UTF-8.
        case malformed
        /// More parameters than `limit`.
        case tooManyParameters(limit: Int)

        /// The 400 message for the client.
        var message: String {
            switch self {
            case .malformed: return "Malformed query string"
            case .tooManyParameters(let limit): return "Too many query parameters (the limit is \(limit))"
            }
        }
    }

    /// Decoded pairs in order (empty keys left out). Throws when an escape is malformed or when the
    /// string holds more than `limit` non-empty `&`-separated parameters.
    static func pairs(_ raw: String, limit: Int = .max) throws(Refusal) -> [(key: String, value: String)] {
        guard !raw.isEmpty else { return [] }
        let parts = raw.split(separator: "&", omittingEmptySubsequences: true)
        guard parts.count <= limit else { throw .tooManyParameters(limit: limit) }
        var result: [(key: String, value: String)] = []
        result.reserveCapacity(parts.count)
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = PercentDecoding.decode(pieces[0], plusAsSpace: true) else { throw .malformed }
            let rawValue = pieces.count > 1 ? pieces[1] : ""
            guard let value = PercentDecoding.decode(rawValue, plusAsSpace: true) else { throw .malformed }
            if key.isEmpty { continue }
            result.append((key, value))
        }
        return result
    }

    /// Folds pairs into a JSON object (keys in order of first appearance), leaving out the keys in
    /// `excluded`. Values are gathered per key through a hash index, so repeated keys cost no more
    /// than distinct ones.
    static func object(_ pairs: [(key: String, value: String)], excluding excluded: Set<String>) -> JSONObject {
        var positions: [String: Int] = [:]
        var grouped: [(key: String, values: [String])] = []
        for (key, value) in pairs where !excluded.contains(key) {
            if let position = positions[key] {
                grouped[position].values.append(value)
            } else {
                positions[key] = grouped.count
                grouped.append((key, [value]))
            }
        }
        return JSONObject(members: grouped.map { member in
            (member.key, member.values.count == 1 ? .string(member.values[0]) : .array(member.values.map(JSONValue.string)))
        })
    }
}
