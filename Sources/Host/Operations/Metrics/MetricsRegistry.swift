import Glibc
import Synchronization

/// calapi's metrics: one `MetricsShard` per thread that records (found through a thread-specific
/// key, created on the thread's first use), summed when `/metrics` is scraped, plus gauges read at
/// the scrape from their owners (open connections, busy workers).
///
/// Threading: `local` and `render` from any thread; `setGauges` once before serving.
final class MetricsRegistry: @unchecked Sendable {
    /// Read at each scrape.
    struct Gauges {
        var openConnections: () -> Int = { 0 }
        /// Pool connections whose worker is running a request, and the others.
        var pool: () -> (busy: Int, idle: Int) = { (0, 0) }
        var pluginsLoaded = 0
        var pluginLoadErrors = 0
    }

    let version: String
    private let key: pthread_key_t
    private let shards = Mutex<[MetricsShard]>([])
    private let gauges = Mutex(Gauges())

    init(version: String) {
        self.version = version
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        self.key = key
    }

    deinit {
        pthread_key_delete(key)
    }

    /// The calling thread's shard. The registry keeps every shard, so a thread's counts outlive it.
    var local: MetricsShard {
        if let shard = pthread_getspecific(key) {
            return Unmanaged<MetricsShard>.fromOpaque(shard).takeUnretainedValue()
        }
        let shard = MetricsShard()
        shards.withLock { $0.append(shard) }
        pthread_setspecific(key, Unmanaged.passUnretained(shard).toOpaque())
        return shard
    }

    func setGauges(_ update: (inout Gauges) -> Void) {
        gauges.withLock { update(&$0) }
    }

    /// The exposition text of every metric.
    func render() -> String {
        var total = MetricsShard.Counts()
        for shard in shards.withLock({ $0 }) { total.merge(shard.snapshot()) }
        let gauges = gauges.withLock { $0 }
        var out = PrometheusText()

        out.family("calapi_build_info", "gauge", "The running calapi's version (the value is always 1).")
        out.sample("calapi_build_info", [("version", version)], 1)

        out.family("calapi_http_requests_total", "counter", "HTTP requests answered, by resource, method and status.")
        for (key, value) in total.requests.sorted(by: MetricsRegistry.order) {
            out.sample("calapi_http_requests_total", [("resource", key.resource), ("method", key.method), ("status", String(key.status))], count: value)
        }
        out.family("calapi_http_request_duration_seconds", "histogram",
                   "Time from a complete request to its response, by resource and method.")
        for (key, histogram) in total.durations.sorted(by: { ($0.key.resource, $0.key.method) < ($1.key.resource, $1.key.method) }) {
            out.histogram("calapi_http_request_duration_seconds", [("resource", key.resource), ("method", key.method)], histogram)
        }
        out.family("calapi_http_connections", "gauge", "Open client connections.")
        out.sample("calapi_http_connections", [], Double(gauges.openConnections()))

        let pool = gauges.pool()
        out.family("calapi_db_pool_connections", "gauge", "Database connections of the worker pool, busy with a request or idle.")
        out.sample("calapi_db_pool_connections", [("state", "busy")], Double(pool.busy))
        out.sample("calapi_db_pool_connections", [("state", "idle")], Double(pool.idle))
        out.family("calapi_db_pool_wait_seconds", "histogram", "Time a request waited in a worker's queue before its worker took it.")
        out.histogram("calapi_db_pool_wait_seconds", [], total.poolWait)
        out.family("calapi_db_errors_total", "counter", "Database errors met while serving requests, by kind.")
        var errors = total.databaseErrors
        errors["unavailable", default: 0] &+= 0
        for (kind, value) in errors.sorted(by: { $0.key < $1.key }) {
            out.sample("calapi_db_errors_total", [("kind", kind)], count: value)
        }

        out.family("calapi_rate_limited_total", "counter", "Requests refused with 429 by the rate limit.")
        out.sample("calapi_rate_limited_total", [], count: total.rateLimited)
        out.family("calapi_plugins_loaded", "gauge", "Plugins loaded.")
        out.sample("calapi_plugins_loaded", [], Double(gauges.pluginsLoaded))
        out.family("calapi_plugin_load_errors_total", "counter", "Configured plugins that failed to load.")
        out.sample("calapi_plugin_load_errors_total", [], Double(gauges.pluginLoadErrors))
        return out.text
    }

    private static func order(_ a: (key: MetricsShard.RequestKey, value: UInt64), _ b: (key: MetricsShard.RequestKey, value: UInt64)) -> Bool {
        (a.key.resource, a.key.method, a.key.status) < (b.key.resource, b.key.method, b.key.status)
    }
}
