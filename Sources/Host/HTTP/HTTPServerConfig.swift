/// Where the server listens, how it shares its port, and the limits it starts with.
struct HTTPServerConfig {
    var host: String = "127.0.0.1"
    /// 0 picks a free port; `HTTPServer.boundPort` tells which.
    var port: UInt16 = 3002
    /// Event-loop threads; values below 1 mean 1.
    var ioThreads: Int = 1
    /// Share the port with other processes that ask the same (`SO_REUSEPORT`), for restarts without a
    /// refused connection; new connections go to the newer process (see `HTTPListener`).
    var reusePort = false
    var limits = HTTPLimits()
}

/// The limits the server enforces on every connection. They can change while it serves
/// (`HTTPServer.apply(_:)`): a connection takes the new values at its next request.
struct HTTPLimits: Equatable {
    /// Request line plus header fields; more is answered with 431.
    var maxHeaderBytes: Int = 16 * 1024
    /// Body bytes, declared or accumulated from chunks; more is answered with 413.
    var maxBodyBytes: Int = 1024 * 1024
    /// Time from a request's first byte (or the connection's opening) to its last byte; past it, 408.
    var headerTimeoutSeconds: Double = 10
    /// How long a keep-alive connection may wait for its next request, and a stalled write for the client.
    var idleTimeoutSeconds: Double = 75
    /// Open connections across all I/O threads; connections beyond it are accepted and closed at once.
    var maxConnections: Int = 10_000
    /// During a stop, how long a connection that is between requests may still send its next one (it is
    /// answered with `Connection: close`) before it is closed.
    var drainIdleSeconds: Double = 1
}
