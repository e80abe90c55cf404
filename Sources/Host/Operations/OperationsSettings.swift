/// The settings of docs/operations.md that a request is served with: the log, the rate limit and the
/// `/metrics` token. Immutable; a request reads the snapshot in force once, when it arrives, and carries
/// it to the end, so a reload (SIGHUP) can swap the whole object for new requests.
final class OperationsSettings: @unchecked Sendable {
    let log: LogSettings
    let rateLimit: RateLimitSettings
    /// `metrics.token`: the bearer token `GET /metrics` needs; nil when it is open.
    let metricsToken: String?

    init(log: LogSettings = LogSettings(), rateLimit: RateLimitSettings = RateLimitSettings(), metricsToken: String? = nil) {
        self.log = log
        self.rateLimit = rateLimit
        self.metricsToken = metricsToken
    }

    convenience init(config: Config) {
        self.init(log: config.log, rateLimit: config.rateLimit, metricsToken: config.metricsToken)
    }
}
