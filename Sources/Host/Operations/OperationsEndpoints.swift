/// calapi's own endpoints for operators, answered on the I/O thread without a key and without a
/// worker (so they answer while every worker is busy): `GET /healthz`, `GET /readyz` and
/// `GET /metrics`. Only at these bare paths (not under `/v1`): they are not part of Cal.com's API.
final class OperationsEndpoints: @unchecked Sendable {
    private let readiness: Readiness
    private let metrics: MetricsRegistry

    private static let noStore = (name: "Cache-Control", value: "no-store")
    private static let healthy = APIResponse.json(200, #"{"status":"ok"}"#, headers: [noStore])
    private static let ready = APIResponse.json(200, #"{"status":"ready"}"#, headers: [noStore])

    init(readiness: Readiness, metrics: MetricsRegistry) {
        self.readiness = readiness
        self.metrics = metrics
    }

    /// The answer when `request` is for one of these endpoints, else nil. Names the endpoint in
    /// `trace` and keeps it out of the access log (probes every second would drown it).
    func answer(_ request: HTTPRequest, trace: RequestTrace) -> HTTPResponse? {
        let name: String
        switch request.path {
        case "/healthz": name = "healthz"
        case "/readyz": name = "readyz"
        case "/metrics": name = "metrics"
        default: return nil
        }
        trace.resource = name
        trace.route = request.path
        trace.logged = false
        guard request.method == .get || request.method == .head else {
            return APIResponse.message(405, "Method Not Allowed (Allow: GET, HEAD)", headers: [("Allow", "GET, HEAD")])
        }
        switch name {
        case "healthz": return OperationsEndpoints.healthy
        case "readyz": return readinessAnswer()
        default: return metricsAnswer(request, token: trace.settings.metricsToken)
        }
    }

    /// 200 `{"status":"ready"}`, or 503 `{"status":"not ready","failing":{"database":"…",…}}`.
    private func readinessAnswer() -> HTTPResponse {
        let problems = readiness.problems()
        guard !problems.isEmpty else { return OperationsEndpoints.ready }
        var writer = JSONWriter(bytes: [])
        writer.writeRaw(#"{"status":"not ready","failing":{"#.utf8)
        for (index, problem) in problems.enumerated() {
            if index > 0 { writer.writeRaw(",".utf8) }
            writer.writeString(problem.check)
            writer.writeRaw(":".utf8)
            writer.writeString(problem.reason)
        }
        writer.writeRaw("}}".utf8)
        return APIResponse.json(503, writer.bytes, headers: [OperationsEndpoints.noStore])
    }

    private func metricsAnswer(_ request: HTTPRequest, token: String?) -> HTTPResponse {
        if let token, !OperationsEndpoints.bearerMatches(request.headers["authorization"], token) {
            return APIResponse.message(401, "GET /metrics needs Authorization: Bearer <metrics.token>",
                                       headers: [("WWW-Authenticate", #"Bearer realm="calapi metrics""#)])
        }
        return HTTPResponse(status: 200, headers: [("Content-Type", PrometheusText.contentType), OperationsEndpoints.noStore],
                            body: Array(metrics.render().utf8))
    }

    /// Compares in time independent of where the first difference is.
    static func bearerMatches(_ authorization: String?, _ token: String) -> Bool {
        guard let authorization, authorization.utf8.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return false }
        let given = Array(authorization.dropFirst(7).trimmingSpaces.utf8)
        let expected = Array(token.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
