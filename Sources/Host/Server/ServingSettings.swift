/// Everything a request is served with that config.yaml decides and SIGHUP may change: the routes
/// enabled (resources and methods), the `/docs` document describing them, and the request-level
/// limits, and the operations settings (access log, rate limits, metrics token).
///
/// Immutable. `SettingsStore` replaces the whole snapshot on a reload; a request reads it once when it
/// arrives (`Application.handle`) and carries it to its worker (`Job.settings`), so it is served by one
/// config from start to end, never half by the old and half by the new.
final class ServingSettings: @unchecked Sendable {
    let routes: RouteTrie
    /// The resources served, in config order (for the log and the start-up message).
    let resources: [String]
    /// `GET /docs`: the OpenAPI document of exactly these routes.
    let docs: HTTPResponse
    /// Header and body sizes, timeouts and the connection limit, applied by the HTTP server.
    let http: HTTPLimits
    /// `limits.max_query_params`: more parameters answer 400 before anything is decoded.
    let maxQueryParameters: Int
    /// `database.statement_timeout`, set on a worker's connection before its next statement; 0 = none.
    let statementTimeoutSeconds: Double
    /// `limits.drain_timeout_seconds`: how long a stop may wait.
    let drainTimeoutSeconds: Double
    /// The access log, rate limits and the `/metrics` token (`log:`, `rate_limit:`, `metrics:`).
    let operations: OperationsSettings

    /// The settings `config` asks for, served by `api` (already mounted for `config`); `/docs` names `serverURL`.
    init(config: Config, api: ServedAPI, serverURL: String) {
        routes = api.trie
        resources = api.routes.map(\.resource).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let document = api.openAPIDocument(serverURL: serverURL).serialized()
        docs = APIResponse.json(200, document, headers: Application.corsHeaders)
        http = HTTPLimits(maxHeaderBytes: config.maxHeaderBytes, maxBodyBytes: config.maxBodyBytes,
                          headerTimeoutSeconds: config.headerTimeoutSeconds, idleTimeoutSeconds: config.idleTimeoutSeconds,
                          maxConnections: config.maxConnections, drainIdleSeconds: config.drainIdleSeconds)
        maxQueryParameters = config.maxQueryParameters
        statementTimeoutSeconds = config.statementTimeoutSeconds
        drainTimeoutSeconds = config.drainTimeoutSeconds
        operations = OperationsSettings(config: config)
    }
}
