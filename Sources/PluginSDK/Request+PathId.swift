/// The id a route's path names, read once by the route's `PathId` rule.
extension Request {
    /// The path id as the host read it by the route's rule, before the access check: so the check
    /// and the handler always see the same id. Nil when it cannot name a row: the route has no
    /// integer id rule, or the value is not an integer within PostgreSQL's `integer`.
    public var id: Int64? {
        guard let idName else { return nil }
        let node = query[idName]
        guard node.kind == .int, let value = node.int, value.isRowKey else { return nil }
        return value
    }

    /// The path id, or `missing` thrown when there is none.
    public func id(or missing: @autoclosure () -> HTTPError) throws -> Int64 {
        guard let id else { throw missing() }
        return id
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
