/// The HTTP server's handler: answers what needs no database on the I/O thread (`/`, `/docs`,
/// `/healthz`, `/readyz`, `/metrics`, unknown paths, CORS preflights) and deals every API request to
/// the worker pool. Every request gets a `RequestTrace` when it arrives; the thread that answers it
/// hands its response through `RequestRecorder.finish` (request id, metrics, access log).
final class Application: HTTPRequestHandler {
    private let routes: RouteTrie
    private let workers: WorkerPool
    private let welcome: HTTPResponse
    private let docs: HTTPResponse
    private let recorder: RequestRecorder
    private let endpoints: OperationsEndpoints
    /// The log, rate-limit and metrics settings requests are served with.
    private let operations: OperationsSettings

    init(routes: RouteTrie, workers: WorkerPool, openAPIDocument: [UInt8], recorder: RequestRecorder,
         endpoints: OperationsEndpoints, operations: OperationsSettings) {
        self.routes = routes
        self.workers = workers
        self.welcome = APIResponse.message(200, "Welcome to Cal.com API - docs are at https://developer.cal.com/api")
        self.docs = APIResponse.json(200, openAPIDocument, headers: Application.corsHeaders)
        self.recorder = recorder
        self.endpoints = endpoints
        self.operations = operations
    }

    /// The CORS headers Cal.com's API sets on its answers.
    static let corsHeaders: [(name: String, value: String)] = [
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "GET, OPTIONS, PATCH, DELETE, POST, PUT"),
        ("Access-Control-Allow-Headers", "X-CSRF-Token, X-Requested-With, Accept, Accept-Version, Content-Length, Content-MD5, Content-Type, Date, X-Api-Version, api_key, Authorization"),
    ]

    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        let trace = recorder.begin(request, settings: operations)
        func answer(_ response: HTTPResponse) { sink.send(recorder.finish(trace, response)) }
        if let response = endpoints.answer(request, trace: trace) { return answer(response) }
        guard let segments = APIPath.segments(request.path) else {
            return answer(APIResponse.message(400, "Malformed request path"))
        }
        if segments.isEmpty {
            trace.resource = "root"
            return answer(welcome)
        }
        if segments.count == 1, segments[0] == "docs" {
            trace.resource = "docs"
            let readable = request.method == .get || request.method == .head
            return answer(readable ? docs : APIResponse.methodNotAllowed(.get))
        }
        guard let (entry, values) = routes.match(segments) else { return answer(APIResponse.notFound) }
        trace.resource = entry.resource
        trace.route = entry.template.description
        if request.method == .options {
            let allow = entry.allowed.names.joined(separator: ", ")
            return answer(HTTPResponse(status: 204, headers: Application.corsHeaders + [("Allow", allow)], body: []))
        }
        if !workers.submit(Job(request: request, entry: entry, pathValues: values, sink: sink, trace: trace)) {
            answer(APIResponse.overloaded)
        }
    }

    func refused(_ response: HTTPResponse, remoteAddress: String) -> HTTPResponse {
        recorder.finish(recorder.beginRefusal(remoteAddress: remoteAddress, settings: operations), response)
    }
}
