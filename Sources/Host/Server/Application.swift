/// The HTTP server's handler: answers what needs no database on the I/O thread (`/`, `/docs`,
/// `/docs/ui`, `/healthz`, `/readyz`, `/metrics`, unknown paths, CORS preflights) and deals every API
/// request to the worker pool. Each request is served by the settings in force when it arrives (read
/// once from `settings`, which a reload swaps), and gets a `RequestTrace`; the thread that answers it
/// hands its response through `RequestRecorder.finish` (request id, metrics, access log).
final class Application: HTTPRequestHandler {
    private let settings: SettingsStore
    private let workers: WorkerPool
    private let welcome: HTTPResponse
    private let recorder: RequestRecorder
    private let endpoints: OperationsEndpoints

    init(settings: SettingsStore, workers: WorkerPool, recorder: RequestRecorder, endpoints: OperationsEndpoints) {
        self.settings = settings
        self.workers = workers
        self.welcome = APIResponse.json(200, #"{"message":"Welcome to Cal.com API - docs are at https://developer.cal.com/api","ui":"/docs/ui"}"#)
        self.recorder = recorder
        self.endpoints = endpoints
    }

    /// The CORS headers Cal.com's API sets on its answers.
    static let corsHeaders: [(name: String, value: String)] = [
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "GET, OPTIONS, PATCH, DELETE, POST, PUT"),
        ("Access-Control-Allow-Headers", "X-CSRF-Token, X-Requested-With, Accept, Accept-Version, Content-Length, Content-MD5, Content-Type, Date, X-Api-Version, api_key, Authorization"),
    ]

    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        let settings = settings.current
        let trace = recorder.begin(request, settings: settings.operations)
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
            return answer(readable ? settings.docs : APIResponse.methodNotAllowed(.get))
        }
        if segments.count == 2, segments[0] == "docs", segments[1] == "ui" {
            trace.resource = "docs"
            let readable = request.method == .get || request.method == .head
            return answer(readable ? DocsPage.response(ifNoneMatch: request.headers["if-none-match"]) : APIResponse.methodNotAllowed(.get))
        }
        guard let (entry, values) = settings.routes.match(segments) else { return answer(APIResponse.notFound) }
        trace.resource = entry.resource
        trace.route = entry.template.description
        if request.method == .options {
            let allow = entry.allowed.names.joined(separator: ", ")
            return answer(HTTPResponse(status: 204, headers: Application.corsHeaders + [("Allow", allow)], body: []))
        }
        if !workers.submit(Job(request: request, entry: entry, pathValues: values, sink: sink, settings: settings, trace: trace)) {
            answer(APIResponse.overloaded)
        }
    }

    func refused(_ response: HTTPResponse, remoteAddress: String) -> HTTPResponse {
        recorder.finish(recorder.beginRefusal(remoteAddress: remoteAddress, settings: settings.current.operations), response)
    }
}
