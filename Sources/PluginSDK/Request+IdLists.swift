/// Query parameters that hold one id or a repeated one (Cal.com's
/// `schemaQuerySingleOrMultipleUserIds` / `…TeamIds`, each element read by `stringOrNumber`).
extension Request {
    /// Whether the query has `name` with a value JavaScript would find truthy (a non-empty string,
    /// or an array): Cal.com's `if (req.query.userId)` checks.
    public func hasQueryValue(_ name: String) -> Bool {
        let node = query[name]
        switch node.kind {
        case .string: return !(node.string ?? "").isEmpty
        case .array: return true
        default: return false
        }
    }

    /// The ids in query parameter `name` (empty when absent), each read with JavaScript's
    /// `parseInt`. Throws 400 `custom in '<name>': Not a number` (or `'<name>,<index>'` for an
    /// element of a repeated parameter) for one that is not.
    public func lenientIntList(_ name: String) throws -> [Int64] {
        let node = query[name]
        switch node.kind {
        case .string:
            guard let value = JavaScript.parseInt(node.string ?? "") else { throw HTTPError.badRequest("custom in '\(name)': Not a number") }
            return [value]
        case .array:
            return try node.elements.enumerated().map { index, element in
                guard let value = element.string.flatMap(JavaScript.parseInt) else {
                    throw HTTPError.badRequest("custom in '\(name),\(index)': Not a number")
                }
                return value
            }
        default:
            return []
        }
    }
}
