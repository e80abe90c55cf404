/// Cal.com's compound path ids: several values joined by a separator in one path segment, such as
/// a membership's `{userId}_{teamId}`.
extension Request {
    /// Splits the path parameter `name` (a string in the route's query schema) on `separator` and
    /// converts the first `messages.count` parts like `z.coerce.number()` (JavaScript's `Number()`);
    /// parts beyond those are ignored, as Cal.com's destructuring did. The route's one rule for its
    /// id: the hook and the handler both call it on the same text. The first part that is missing
    /// or not an integer answers 400 with its message (`messages[i]` belongs to part `i`) and the
    /// result is nil.
    public func compoundIntegerParameter(_ name: String, separator: Character = "_", messages: [String]) -> [Int64]? {
        let parts = (query[name].string ?? "").split(separator: separator, omittingEmptySubsequences: false)
        var values: [Int64] = []
        for (index, message) in messages.enumerated() {
            guard index < parts.count, let value = JavaScript.exactInteger(String(parts[index])) else {
                error(400, message)
                return nil
            }
            values.append(value)
        }
        return values
    }
}
