/// One request, as a handler and an access check see it. Borrowed: use it only inside that call,
/// on its thread. `S` is the plugin's statements, so `run` takes only statements that were
/// registered.
public struct Request<S: StatementSet> {
    let raw: OpaquePointer
    let statements: StatementTable<S>
    /// The route's path id parameter, if it has an id rule.
    let idName: String?

    private var host: calapi_host_v1 { PluginHost.table.pointee }

    /// The API key's user.
    public var userId: Int64 { host.auth_user_id(raw) }
    /// Whether that user is a system-wide admin.
    public var isAdmin: Bool { host.auth_is_admin(raw) != 0 }
    /// The validated query object (path parameters merged in).
    public var query: JSONNode { JSONNode(raw: host.query(raw)) }
    /// The validated body (absent when the request had none).
    public var body: JSONNode { JSONNode(raw: host.body(raw)) }

    /// A path parameter's decoded text, as the client sent it.
    public func pathParameter(_ name: String) -> String {
        withCalapiString(name) { host.path_param(raw, $0) }.string
    }

    /// Runs a statement. A failure listed in `failures` becomes that answer; any other is thrown
    /// as the `DatabaseFailure` the host classified, for the host to answer.
    public func run(_ statement: S, _ params: Param..., on failures: [DatabaseFailure: HTTPError] = [:]) throws -> Rows {
        try run(statement, params, on: failures)
    }

    public func run(_ statement: S, _ params: [Param], on failures: [DatabaseFailure: HTTPError] = [:]) throws -> Rows {
        try execute(statements[statement], params, failures)
    }

    /// Runs one of the SDK's own statements (registered with every plugin).
    func run(shared statement: SharedSQL, _ params: [Param], on failures: [DatabaseFailure: HTTPError] = [:]) throws -> Rows {
        try execute(SharedSQL.table[statement], params, failures)
    }

    private func execute(_ id: calapi_stmt_id, _ params: [Param], _ failures: [DatabaseFailure: HTTPError]) throws -> Rows {
        var result: OpaquePointer?
        let code = withValues(params[...]) { values in
            values.withUnsafeBufferPointer { buffer in host.db_exec(raw, id, UInt32(buffer.count), buffer.baseAddress, &result) }
        }
        guard code == CALAPI_DB_OK, let result else {
            let failure = DatabaseFailure(code: code)
            throw failures[failure] ?? failure
        }
        return Rows(raw: result)
    }
}
