/// The shapes most handlers have, one line each. Statements that serve them take the path id as
/// `$1` and the caller (`callerScope`) as `$2`, so the owner condition is in the SQL.
extension Request {
    /// The JSON (first column) of the one row `statement` finds for `params`, or `missing` thrown.
    public func one(_ statement: S, _ params: Param..., orElse missing: @autoclosure () -> HTTPError) throws -> JSONText {
        try one(statement, params, orElse: missing())
    }

    public func one(_ statement: S, _ params: [Param], orElse missing: @autoclosure () -> HTTPError) throws -> JSONText {
        let rows = try run(statement, params)
        guard rows.count == 1 else { throw missing() }
        return rows.json()
    }

    /// Find by id: the JSON of the row `statement` finds for (path id, caller), or `missing`
    /// thrown (also when there is no id).
    public func findById(_ statement: S, orElse missing: @autoclosure () -> HTTPError) throws -> JSONText {
        let rows = try run(statement, .int(id(or: missing())), callerScope)
        guard rows.count == 1 else { throw missing() }
        return rows.json()
    }

    /// Delete by id: runs `statement` for (path id, caller) and returns the id when it removed one
    /// row, else throws `missing`.
    @discardableResult
    public func deleteById(_ statement: S, orElse missing: @autoclosure () -> HTTPError,
                           on failures: [DatabaseFailure: HTTPError] = [:]) throws -> Int64 {
        let id = try id(or: missing())
        guard try run(statement, [.int(id), callerScope], on: failures).affected == 1 else { throw missing() }
        return id
    }

    /// `{"<key>": [...]}` from a list statement built with `SQLFragments.jsonPage` whose last two
    /// parameters are the window's LIMIT and OFFSET: reads the window (400 for a `take` above the
    /// maximum), runs the statement, refuses a whole list longer than the maximum.
    public func list(_ key: String, _ statement: S, _ params: Param...) throws -> Reply {
        let window = try listWindow()
        let rows = try run(statement, params + window.params)
        try window.check(rows.int(0, 0) ?? 0)
        return .envelope(key, rows.json(0, 1))
    }
}
