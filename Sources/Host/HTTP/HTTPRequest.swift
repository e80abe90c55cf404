/// One complete request: head and whole (de-chunked) body, as handed to an `HTTPRequestHandler`.
///
/// A plain value, owned by whoever holds it; safe to move to another thread.
struct HTTPRequest {
    var method: HTTPMethod
    /// The target before '?', still percent-encoded, e.g. "/v1/users/5" ("*" for `OPTIONS *`).
    var path: String
    /// The raw text after the first '?', "" when there is none.
    var query: String
    var headers: HTTPHeaders
    /// The body with any chunked framing removed; empty when the request has none.
    var body: [UInt8]
    /// Whether the client asked to keep the connection open (HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`).
    var keepAlive: Bool
    /// The client's IP address as the socket sees it (a proxy's, behind one); "" when unknown.
    var remoteAddress = ""
}
