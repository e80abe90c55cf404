import CalapiPluginAPI

/// One request, as a handler sees it. Borrowed: use it only inside the handler call, on its thread.
public struct Request {
    public let raw: OpaquePointer

    public init(_ raw: OpaquePointer) { self.raw = raw }

    private var host: calapi_host_v1 { PluginHost.table.pointee }

    /// The API key's user.
    public var userId: Int64 { host.auth_user_id(raw) }
    /// Whether that user is a system-wide admin.
    public var isAdmin: Bool { host.auth_is_admin(raw) != 0 }
    /// The validated query object (path parameters merged in).
    public var query: JSONNode { JSONNode(raw: host.query(raw)) }
    /// The validated body (absent when the request had none).
    public var body: JSONNode { JSONNode(raw: host.body(raw)) }

    /// A path parameter's decoded text.
    public func pathParameter(_ name: String) -> String {
        withCalapiString(name) { host.path_param(raw, $0) }.string
    }

    /// Runs a registered statement. Throws the host's classification of a failure.
    public func run(_ statement: Statement, _ params: Param...) throws -> Rows {
        try run(statement, params)
    }

    public func run(_ statement: Statement, _ params: [Param]) throws -> Rows {
        var result: OpaquePointer?
        let code = withValues(params[...]) { values in
            values.withUnsafeBufferPointer { buffer in
                host.db_exec(raw, statement.id, UInt32(buffer.count), buffer.baseAddress, &result)
            }
        }
        guard code == CALAPI_DB_OK, let result else { throw DatabaseFailure(code: code) }
        return Rows(raw: result)
    }

    /// Answers `{"message": message}` with `status`; returns CALAPI_OK for `return request.error(…)`.
    @discardableResult
    public func error(_ status: UInt32, _ message: String) -> Int32 {
        withCalapiString(message) { host.error(raw, status, $0) }
    }

    public func setStatus(_ status: UInt32) { host.set_status(raw, status) }

    /// The response's JSON writer.
    public var json: ResponseWriter { ResponseWriter(raw: raw) }
}
