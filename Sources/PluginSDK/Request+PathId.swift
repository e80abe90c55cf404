/// The id a route's path names: the one accessor both an `authorize:` hook and its handler use.
extension Request {
    /// The path parameter `name` as the host read it by the route's query schema (an `integer`
    /// property: JavaScript's `Number()`, or its `x-coerce` rule), once, before the authorize hook:
    /// so the hook and the handler always see the same id. Nil when it cannot name a row: absent,
    /// not an integer (the schema declares none), or outside PostgreSQL's `integer`.
    public func pathId(_ name: String = "id") -> Int64? {
        let node = query[name]
        guard node.kind == .int, let value = node.int, value.isRowKey else { return nil }
        return value
    }

    /// The caller as a statement's owner parameter: NULL for a system admin (every row), else the
    /// user id. Statements that find, change or delete one row take it, so a row the caller may not
    /// use matches nothing even where a check before them were wrong.
    public var callerScope: Param { isAdmin ? .null : .int(userId) }
}

extension Int64 {
    /// Whether the value fits a PostgreSQL `integer` key; beyond it, no row can match and a `$n::int`
    /// parameter would fail the statement.
    public var isRowKey: Bool { self >= Int64(Int32.min) && self <= Int64(Int32.max) }
}
