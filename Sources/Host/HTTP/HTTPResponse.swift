/// A handler's answer. The server adds the status line's reason phrase, `Content-Length`, `Connection` and
/// `Date`; any `Content-Length`, `Transfer-Encoding` or `Connection` field given here is replaced, except
/// that `Connection: close` makes the server close the connection after this response.
struct HTTPResponse {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
}
