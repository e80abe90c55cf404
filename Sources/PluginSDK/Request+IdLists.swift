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
    /// `parseInt`. On failure answers 400 `custom in '<name>': Not a number` (or
    /// `'<name>,<index>'` for an element of a repeated parameter) and returns nil.
    public func lenientIntList(_ name: String) -> [Int64]? {
        let node = query[name]
        switch node.kind {
        case .string:
            guard let value = JavaScript.parseInt(node.string ?? "") else {
                error(400, "custom in '\(name)': Not a number")
                return nil
            }
            return [value]
        case .array:
            var values: [Int64] = []
            for (index, element) in node.elements.enumerated() {
                guard let value = element.string.flatMap(JavaScript.parseInt) else {
                    error(400, "custom in '\(name),\(index)': Not a number")
                    return nil
                }
                values.append(value)
            }
            return values
        default:
            return []
        }
    }
}
