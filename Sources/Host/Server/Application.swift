/// The HTTP server's handler: answers what needs no database on the I/O thread (`/`, `/docs`,
/// unknown paths, CORS preflights) and deals every API request to the worker pool. Each request is
/// routed by the settings in force when it arrives (read once from `settings`), which a reload swaps.
final class Application: HTTPRequestHandler {
    private let settings: SettingsStore
    private let workers: WorkerPool
    private let welcome: HTTPResponse

    init(settings: SettingsStore, workers: WorkerPool) {
        self.settings = settings
        self.workers = workers
        self.welcome = APIResponse.message(200, "Welcome to Cal.com API - docs are at https://developer.cal.com/api")
    }

    /// The CORS headers Cal.com's API sets on its answers.
    static let corsHeaders: [(name: String, value: String)] = [
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Methods", "GET, OPTIONS, PATCH, DELETE, POST, PUT"),
        ("Access-Control-Allow-Headers", "X-CSRF-Token, X-Requested-With, Accept, Accept-Version, Content-Length, Content-MD5, Content-Type, Date, X-Api-Version, api_key, Authorization"),
    ]

    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        guard let segments = APIPath.segments(request.path) else {
            return sink.send(APIResponse.message(400, "Malformed request path"))
        }
        if segments.isEmpty { return sink.send(welcome) }
        let settings = settings.current
        if segments.count == 1, segments[0] == "docs" {
            let readable = request.method == .get || request.method == .head
            return sink.send(readable ? settings.docs : APIResponse.methodNotAllowed(.get))
        }
        guard let (entry, values) = settings.routes.match(segments) else { return sink.send(APIResponse.notFound) }
        if request.method == .options {
            let allow = entry.allowed.names.joined(separator: ", ")
            return sink.send(HTTPResponse(status: 204, headers: Application.corsHeaders + [("Allow", allow)], body: []))
        }
        if !workers.submit(Job(request: request, entry: entry, pathValues: values, sink: sink, settings: settings)) {
            sink.send(APIResponse.overloaded)
        }
    }
}
