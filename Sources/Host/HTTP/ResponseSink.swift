/// Delivers the one response to one request.
///
/// Thread-safe: `send` may be called from any thread, once. A sink made by the server queues the response
/// on the I/O thread that owns the connection and wakes it; the I/O thread writes it, or drops it if the
/// connection has closed meanwhile. A sink released without `send` answers 500, so a handler that loses a
/// request cannot leave its client waiting forever.
final class ResponseSink: @unchecked Sendable {
    private enum Destination {
        case connection(IOThread, HTTPConnection, serial: UInt64)
        case callback((HTTPResponse) -> Void)
    }

    private let destination: Destination
    private var answered = false
    /// Cancelled by the connection when the client goes away before the answer.
    let cancellation = RequestCancellation()

    /// A sink for request `serial` of `connection`, owned by `thread`.
    init(thread: IOThread, connection: HTTPConnection, serial: UInt64) {
        destination = .connection(thread, connection, serial: serial)
    }

    /// A sink that hands the response to `deliver` on the thread calling `send`: for tests and for code
    /// that runs handlers without a socket.
    init(_ deliver: @escaping (HTTPResponse) -> Void) {
        destination = .callback(deliver)
    }

    /// Delivers `response`. Only the first call counts; later ones are ignored.
    func send(_ response: HTTPResponse) {
        guard !answered else { return }
        answered = true
        deliver(response)
    }

    deinit {
        if !answered {
            deliver(HTTPResponseWriter.errorResponse(HTTPRequestError(status: 500, message: "the request was not answered")))
        }
    }

    private func deliver(_ response: HTTPResponse) {
        switch destination {
        case .connection(let thread, let connection, let serial):
            thread.complete(IOThread.Completion(connection: connection, serial: serial, response: response))
        case .callback(let deliver):
            deliver(response)
        }
    }
}
