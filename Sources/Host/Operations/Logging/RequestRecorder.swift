/// Where every request starts and ends for operations: `begin` gives it an id and a trace, `finish`
/// stamps `X-Request-Id` on its response, counts it in the metrics of the calling thread and writes
/// its access-log line (one write(2), no lock).
final class RequestRecorder: @unchecked Sendable {
    let metrics: MetricsRegistry

    init(metrics: MetricsRegistry) {
        self.metrics = metrics
    }

    func begin(_ request: HTTPRequest, settings: OperationsSettings) -> RequestTrace {
        RequestTrace(id: RequestID.accept(request.headers["x-request-id"]), method: request.method, path: request.path,
                     query: request.query, remoteAddress: request.remoteAddress, forwardedFor: request.headers["x-forwarded-for"],
                     receivedAt: HTTPClock.now(), settings: settings)
    }

    /// The trace of a request the HTTP server refused before it could be read whole (its method and
    /// path are unknown: logged as `-`).
    func beginRefusal(remoteAddress: String, settings: OperationsSettings) -> RequestTrace {
        RequestTrace(id: RequestID.generate(), method: .other("-"), path: "-", query: "", remoteAddress: remoteAddress,
                     forwardedFor: nil, receivedAt: HTTPClock.now(), settings: settings)
    }

    /// `response` with `X-Request-Id`; records the request. Call once, on the thread that sends it.
    func finish(_ trace: RequestTrace, _ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.append((RequestID.header, trace.id))
        let seconds = HTTPClock.now() - trace.receivedAt
        metrics.local.recordRequest(resource: trace.resource, method: trace.methodLabel, status: response.status, seconds: seconds)
        if trace.logged && trace.settings.log.access {
            let bytes = trace.method == .head ? 0 : response.body.count
            Log.emit(AccessLogLine.build(trace, status: response.status, bytes: bytes, seconds: seconds), to: trace.settings.log.output)
        }
        return response
    }
}
