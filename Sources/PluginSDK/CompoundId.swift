/// Cal.com's compound path ids: several values joined by a separator in one path segment, such as
/// a membership's `{userId}_{teamId}`.
extension Request {
    /// Splits the path id (a `PathId.text` rule) on `separator` and converts the first
    /// `messages.count` parts like `z.coerce.number()` (JavaScript's `Number()`); parts beyond those
    /// are ignored, as Cal.com's destructuring did. The first part that is missing or not an
    /// integer throws 400 with its message (`messages[i]` belongs to part `i`).
    public func compoundId(separator: Character = "_", messages: [String]) throws -> [Int64] {
        let parts = (query[idName ?? "id"].string ?? "").split(separator: separator, omittingEmptySubsequences: false)
        return try messages.enumerated().map { index, message in
            guard index < parts.count, let value = JavaScript.exactInteger(String(parts[index])) else {
                throw HTTPError.badRequest(message)
            }
            return value
        }
    }

    /// The path id's text (a `PathId.text` rule), as the query holds it.
    public var idText: String { query[idName ?? "id"].string ?? "" }
}
