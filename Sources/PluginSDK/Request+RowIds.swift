/// Ids of rows whose key is a PostgreSQL `integer`.
extension Request {
    /// The validated integer query (or path) parameter `name`, or nil when it is absent or outside
    /// the range of an `integer` column, so that no row can have it.
    public func rowId(_ name: String) -> Int64? {
        guard let value = query[name].int, value.isRowKey else { return nil }
        return value
    }
}

extension Int64 {
    /// Whether the value fits a PostgreSQL `integer` key; beyond it, no row can match and a `$n::int`
    /// parameter would fail the statement.
    public var isRowKey: Bool { self >= Int64(Int32.min) && self <= Int64(Int32.max) }
}
