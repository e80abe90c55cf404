/// The HTTP server's handler: answers what needs no database on the I/O thread (`/`, `/docs`,
/// `/docs/ui`, unknown paths, CORS preflights) and deals every API request to the worker pool.
final class Application: HTTPRequestHandler {
    private let routes: RouteTrie
    private let workers: WorkerPool
    private let welcome: HTTPResponse
    private let docs: HTTPResponse

    init(routes: RouteTrie, workers: WorkerPool, openAPIDocument: [UInt8]) {
        self.routes = routes
        self.workers = workers
        self.welcome = APIResponse.json(200, #"{"message":"Welcome to Cal.com API - docs are at https://developer.cal.com/api","ui":"/docs/ui"}"#)
        self.docs = APIResponse.json(200, openAPIDocument, headers: Application.corsHeaders)
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
        if segments.count == 1, segments[0] == "docs" {
            let readable = request.method == .get || request.method == .head
            return sink.send(readable ? docs : APIResponse.methodNotAllowed(.get))
        }
        if segments.count == 2, segments[0] == "docs", segments[1] == "ui" {
            let readable = request.method == .get || request.method == .head
            return sink.send(readable ? DocsPage.response(ifNoneMatch: request.headers["if-none-match"]) : APIResponse.methodNotAllowed(.get))
        }
        guard let (entry, values) = routes.match(segments) else { return sink.send(APIResponse.notFound) }
        if request.method == .options {
            let allow = entry.allowed.names.joined(separator: ", ")
            return sink.send(HTTPResponse(status: 204, headers: Application.corsHeaders + [("Allow", allow)], body: []))
        }
        if !workers.submit(Job(request: request, entry: entry, pathValues: values, sink: sink)) {
            sink.send(APIResponse.overloaded)
        }
    }
}
