/// What the access log and the metrics learn about one request while it is served: made when it
/// arrives (`RequestRecorder.begin`), filled in by whoever routes and authenticates it, read once when
/// its response is handed to the server (`RequestRecorder.finish`).
///
/// Threading: passed with the request from the I/O thread to one worker and back; one thread at a time.
final class RequestTrace {
    let id: String
    let method: HTTPMethod
    let path: String
    let query: String
    let remoteAddress: String
    /// `X-Forwarded-For` as sent, when present (set by a proxy in front of calapi, or forged by a client).
    let forwardedFor: String?
    /// Monotonic seconds.
    let receivedAt: Double
    /// The settings in force when the request arrived.
    let settings: OperationsSettings
    /// The resource of the matched route, or calapi's own endpoint (`healthz`, `docs`, …); `unknown` otherwise.
    var resource = "unknown"
    /// The matched path template, e.g. `/bookings/{id}`.
    var route: String?
    /// The API key's user, once authenticated.
    var userId: Int64?
    /// Probes and scrapes count in the metrics but get no access-log line.
    var logged = true

    init(id: String, method: HTTPMethod, path: String, query: String, remoteAddress: String, forwardedFor: String?,
         receivedAt: Double, settings: OperationsSettings) {
        self.id = id
        self.method = method
        self.path = path
        self.query = query
        self.remoteAddress = remoteAddress
        self.forwardedFor = forwardedFor
        self.receivedAt = receivedAt
        self.settings = settings
    }

    /// The method as a metrics label: the methods calapi knows, else `OTHER` (bounded label values).
    var methodLabel: String {
        if case .other = method { return "OTHER" }
        return method.name
    }
}
