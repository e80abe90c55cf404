/// The application behind the server.
protocol HTTPRequestHandler: AnyObject {
    /// Called on an I/O thread once `request` is complete (head and whole body), one request at a time per
    /// connection. Must not block: answer at once with `sink.send`, or hand the request and the sink to
    /// another thread that answers later. Called concurrently from every I/O thread.
    func handle(_ request: HTTPRequest, sink: ResponseSink)

    /// Called on an I/O thread with the answer the server gives by itself to a request it refuses
    /// (malformed, too large, too slow) from `remoteAddress`; returns the response to send.
    func refused(_ response: HTTPResponse, remoteAddress: String) -> HTTPResponse
}

extension HTTPRequestHandler {
    func refused(_ response: HTTPResponse, remoteAddress: String) -> HTTPResponse { response }
}
