/// Ids of rows whose key is a PostgreSQL `integer`.
extension Request {
    /// The validated integer query (or path) parameter `name`, or nil when it is absent or outside
    /// the range of an `integer` column, so that no row can have it.
    public func rowId(_ name: String) -> Int64? {
        guard let value = query[name].int, value.isRowKey else { return nil }
        return value
    }

    /// A path parameter read as JavaScript's `Number(text)` for an integer id, for `authorize`
    /// callbacks (which run before the query is validated). On failure answers 400
    /// `invalid_type in '<name>': Expected number, received nan` and returns nil.
    public func numericPathParameter(_ name: String) -> Int64? {
        let text = pathParameter(name)
        let trimmed = text.utf8.drop { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        if let value = Int64(String(decoding: trimmed, as: UTF8.self)) { return value }
        error(400, "invalid_type in '\(name)': Expected number, received nan")
        return nil
    }
}

extension Int64 {
    /// Whether the value fits a PostgreSQL `integer` key; beyond it, no row can match and a `$n::int`
    /// parameter would fail the statement.
    public var isRowKey: Bool { self >= Int64(Int32.min) && self <= Int64(Int32.max) }
}
