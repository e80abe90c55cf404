/// The rate limit's verdict on one request and the headers that tell the client, as Cal.com v1 sent
/// them: `X-RateLimit-Limit`, `X-RateLimit-Remaining`, and `X-RateLimit-Reset` in epoch milliseconds
/// (Unkey's unit); a refused request also gets `Retry-After` in seconds.
struct RateLimitDecision: Equatable {
    let limit: Int
    let remaining: Int
    /// When the window ends, in milliseconds since 1970.
    let resetMilliseconds: Int64
    let allowed: Bool
    /// Whole seconds until the window ends, at least 1.
    let retryAfterSeconds: Int64

    /// The decision for the `hits`-th request (1-based) of a window ending at `resetMilliseconds`.
    init(limit: Int, hits: Int, resetMilliseconds: Int64, nowMilliseconds: Int64) {
        self.limit = limit
        remaining = max(0, limit - hits)
        self.resetMilliseconds = resetMilliseconds
        allowed = hits <= limit
        retryAfterSeconds = max(1, (resetMilliseconds - nowMilliseconds + 999) / 1000)
    }

    var headers: [(name: String, value: String)] {
        var fields = [("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)),
                      ("X-RateLimit-Reset", String(resetMilliseconds))]
        if !allowed { fields.append(("Retry-After", String(retryAfterSeconds))) }
        return fields
    }

    /// Cal.com's answer when the limit is exceeded.
    var refusal: HTTPResponse {
        APIResponse.message(429, "Rate limit exceeded", headers: headers)
    }

    static func == (a: RateLimitDecision, b: RateLimitDecision) -> Bool {
        (a.limit, a.remaining, a.resetMilliseconds, a.allowed) == (b.limit, b.remaining, b.resetMilliseconds, b.allowed)
    }
}
