/// A complete request routed to a path, waiting for a worker.
struct Job {
    let request: HTTPRequest
    let entry: RouteTrie.Entry
    let pathValues: [String]
    let sink: ResponseSink
    /// The settings the request arrived under; its worker serves it with these.
    let settings: ServingSettings
    /// What the access log and the metrics learn about the request; also its operations settings.
    let trace: RequestTrace
}
