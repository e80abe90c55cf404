/// A complete request routed to a path, waiting for a worker.
struct Job {
    let request: HTTPRequest
    let entry: RouteTrie.Entry
    let pathValues: [String]
    let sink: ResponseSink
    /// What the access log and the metrics learn about the request; also its operations settings.
    let trace: RequestTrace
}
