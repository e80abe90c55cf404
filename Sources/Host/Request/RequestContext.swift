import CalapiPluginAPI

/// Everything one plugin handler call can reach through its `calapi_req *`: the request's parts
/// (already routed, authenticated and validated), the worker's database connection, and the
/// response being built. Created and used by one worker thread; dies after the response is sent.
final class RequestContext {
    let arena = RequestArena()
    let route: Route
    let method: MethodSet
    let principal: Principal
    let headers: HTTPHeaders
    let connection: PGConnection
    let statements: StatementCatalog
    /// Set by the I/O thread when the client goes away.
    let cancellation: RequestCancellation

    /// Path parameter names (from the template) and their decoded values, copied into the arena.
    private(set) var pathParameters: [(name: String, value: calapi_str)] = []
    /// Roots of the validated query object and body, laid out for C.
    var queryRoot: UnsafeMutablePointer<JSONTape.Node>?
    var bodyRoot: UnsafeMutablePointer<JSONTape.Node>?

    /// Result sets handed to the plugin; kept alive until the request ends.
    var rows: [PGRows] = []
    /// The last database failure, for db_error_constraint and for the host's own answer.
    var lastDatabaseError: DatabaseError?
    /// Whether a statement that writes `users` ran (`StatementCatalog.Statement.changesPrincipals`):
    /// the key cache is emptied once the request's transaction ends.
    var changedPrincipals = false

    var status: UInt32 = 200
    var responseHeaders: [(name: String, value: String)] = []
    var body = ResponseBody()

    /// Most bytes one request may take with `req_alloc`; beyond it the call answers NULL.
    static let pluginMemoryLimit = 64 << 20
    /// Most header fields a plugin may add to one response; further ones are dropped.
    static let maxResponseHeaders = 64
    /// Bytes handed out by `req_alloc` so far.
    private var pluginAllocated = 0
    /// The first host-function misuse that spoils the answer (a status out of range): the host
    /// answers 500 and logs it. Writer misuse is kept by `body` itself.
    var misuse: String?
    /// Whether a refused response header was already logged for this request (one line per request).
    var refusedHeaderLogged = false

    init(route: Route, method: MethodSet, principal: Principal, headers: HTTPHeaders, pathValues: [String],
         connection: PGConnection, statements: StatementCatalog, cancellation: RequestCancellation) {
        self.cancellation = cancellation
        self.route = route
        self.method = method
        self.principal = principal
        self.headers = headers
        self.connection = connection
        self.statements = statements
        pathParameters = zip(route.template.parameterNames, pathValues).map { ($0, arena.string($1)) }
    }

    /// The opaque handle given to the plugin. Valid while this object lives (the worker holds it).
    var handle: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    /// The context behind a handle the host gave out.
    static func from(_ handle: OpaquePointer) -> RequestContext {
        Unmanaged<RequestContext>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// The code every further `db_exec` answers once a statement of this request was stopped or its
    /// client left (`lastDatabaseError` then says why); nil while statements may run.
    func stoppedCode() -> Int32? {
        if lastDatabaseError?.kind == .cancelled { return CALAPI_DB_UNAVAILABLE }
        guard cancellation.isCancelled else { return nil }
        lastDatabaseError = DatabaseError(kind: .cancelled, sqlState: "57014", message: "the client went away", constraint: nil)
        return CALAPI_DB_UNAVAILABLE
    }

    /// Why the handler's answer cannot be sent (a broken writer rule, an unfinished document, a
    /// status out of range), or nil when it can.
    var answerProblem: String? {
        if let misuse { return misuse }
        if let misuse = body.misuse { return misuse }
        return body.isSound ? nil : "the JSON document was left unfinished"
    }

    /// `size` zeroed bytes for the plugin, or nil when they would exceed `pluginMemoryLimit` (a
    /// `size_t` of 2^63 or more arrives negative and is refused too) or memory is exhausted.
    func pluginAllocate(_ size: Int) -> UnsafeMutableRawPointer? {
        guard size >= 0, size <= Self.pluginMemoryLimit - pluginAllocated else { return nil }
        guard let pointer = arena.allocate(size) else { return nil }
        pluginAllocated += size
        return pointer
    }

    /// Replaces the body with Cal.com's error shape `{"message": …}`.
    func fail(status: UInt32, message: String) {
        self.status = status
        body.reset()
        body.beginObject()
        var key = "message"
        key.withUTF8 { body.key(UnsafeRawBufferPointer($0)) }
        var text = message
        text.withUTF8 { body.string(UnsafeRawBufferPointer($0)) }
        body.endObject()
    }
}
