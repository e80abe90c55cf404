/// `rate_limit:` in config.yaml: requests per user and window, as Cal.com v1 limited them
/// (docs/operations.md, "Rate limits").
struct RateLimitSettings: Equatable {
    /// Off by default, as in a self-hosted Cal.com without Unkey: clients that never saw a 429 keep working.
    var enabled = false
    /// Requests one user (all of its keys together) may make per window; Cal.com's was 30.
    var limit = 30
    /// Cal.com's was 60 s.
    var windowSeconds = 60
    /// Count in PostgreSQL (`calapi_rate_limit`), so that every calapi on the database shares one limit.
    var shared = false
}
