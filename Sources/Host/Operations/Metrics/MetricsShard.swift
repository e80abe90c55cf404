import Synchronization

/// The counters of one thread (an I/O thread or a worker). Only its own thread records into it, so its
/// lock is never contended by requests; a scrape takes it for the time of a copy. There is no lock
/// shared by all threads on the request path.
final class MetricsShard: @unchecked Sendable {
    /// `calapi_http_requests_total`'s labels.
    struct RequestKey: Hashable {
        let resource: String
        let method: String
        let status: Int
    }

    /// `calapi_http_request_duration_seconds`'s labels.
    struct RouteKey: Hashable {
        let resource: String
        let method: String
    }

    /// Everything a shard counts; also the sum of all shards at a scrape.
    struct Counts {
        var requests: [RequestKey: UInt64] = [:]
        var durations: [RouteKey: Histogram] = [:]
        var poolWait = Histogram(bounds: Histogram.waitBounds)
        /// By `DatabaseError.Kind`'s name.
        var databaseErrors: [String: UInt64] = [:]
        var rateLimited: UInt64 = 0

        mutating func merge(_ other: Counts) {
            for (key, value) in other.requests { requests[key, default: 0] &+= value }
            for (key, value) in other.durations { durations[key, default: Histogram(bounds: value.bounds)].merge(value) }
            poolWait.merge(other.poolWait)
            for (key, value) in other.databaseErrors { databaseErrors[key, default: 0] &+= value }
            rateLimited &+= other.rateLimited
        }
    }

    private let counts = Mutex(Counts())

    /// One answered request: its resource (or calapi's own endpoint), method, status and duration.
    func recordRequest(resource: String, method: String, status: Int, seconds: Double) {
        counts.withLock { counts in
            counts.requests[RequestKey(resource: resource, method: method, status: status), default: 0] &+= 1
            counts.durations[RouteKey(resource: resource, method: method), default: Histogram(bounds: Histogram.durationBounds)]
                .observe(seconds)
        }
    }

    /// The time a request waited in a worker's queue.
    func recordPoolWait(seconds: Double) {
        counts.withLock { $0.poolWait.observe(seconds) }
    }

    func recordDatabaseError(_ kind: DatabaseError.Kind) {
        counts.withLock { $0.databaseErrors["\(kind)", default: 0] &+= 1 }
    }

    func recordRateLimited() {
        counts.withLock { $0.rateLimited &+= 1 }
    }

    /// A copy of the counts so far.
    func snapshot() -> Counts {
        counts.withLock { $0 }
    }
}
