import Glibc
import Synchronization

/// Requests per user (all keys of a user share one count, as Cal.com's later v1 counted by user id)
/// in fixed windows: a window opens with a user's first request and lasts `windowSeconds`; within it
/// `limit` requests pass and the rest are refused until it ends.
///
/// Local counting (the default): 64 shards by user id, each with its own lock, so requests of
/// different users rarely meet on a lock and none is shared by all workers. Jobs go to workers
/// from one shared queue (`WorkerPool.submit`), not by key, so per-worker counters would multiply the limit.
/// Each calapi process counts alone: N instances behind a load balancer let a user make up to N
/// times the limit. Shared counting (`rate_limit.shared`) keeps the count in PostgreSQL instead,
/// one upsert per authenticated request on the worker's connection (table `calapi_rate_limit`).
///
/// Threading: `decide` from any worker thread.
final class RateLimiter: @unchecked Sendable {
    /// The shared count's statement: $1 user id, $2 window seconds; returns the hits in the window,
    /// the window's start and the database's clock (epoch milliseconds).
    static let sharedSQL = """
        INSERT INTO \(Migrator.rateLimitTable) AS r (subject, window_start, hits) VALUES ($1::bigint, statement_timestamp(), 1)
        ON CONFLICT (subject) DO UPDATE SET
          window_start = CASE WHEN r.window_start <= statement_timestamp() - make_interval(secs => $2::integer)
                              THEN statement_timestamp() ELSE r.window_start END,
          hits = CASE WHEN r.window_start <= statement_timestamp() - make_interval(secs => $2::integer)
                      THEN 1 ELSE LEAST(r.hits, 2000000000) + 1 END
        RETURNING hits, (EXTRACT(EPOCH FROM window_start) * 1000)::bigint, (EXTRACT(EPOCH FROM statement_timestamp()) * 1000)::bigint
        """

    private struct Window {
        var startMilliseconds: Int64
        var hits: Int
    }

    private final class Shard: @unchecked Sendable {
        let windows = Mutex<[Int64: Window]>([:])
    }

    private static let shardCount = 64
    /// A shard holding more windows than this drops the ended ones (then it holds one per user active
    /// within the last window).
    private static let sweepThreshold = 4096

    private let shards = (0..<RateLimiter.shardCount).map { _ in Shard() }
    /// The catalog id of `sharedSQL`.
    private let sharedStatementID: Int

    init(sharedStatementID: Int) {
        self.sharedStatementID = sharedStatementID
    }

    /// Counts one request of `user`; nil when rate limiting is off. Shared counting throws the
    /// database's error (the caller lets the request through: a limit must not add an outage).
    func decide(user: Int64, settings: RateLimitSettings, connection: PGConnection) throws -> RateLimitDecision? {
        guard settings.enabled else { return nil }
        let windowMilliseconds = Int64(settings.windowSeconds) * 1000
        if settings.shared {
            let rows = try connection.execute(statementID: sharedStatementID, sql: RateLimiter.sharedSQL,
                                              params: [.text(String(user)), .int(settings.windowSeconds)])
            guard rows.count == 1, let hits = rows.int64(0, 0), let start = rows.int64(0, 1), let now = rows.int64(0, 2) else {
                return nil
            }
            return RateLimitDecision(limit: settings.limit, hits: Int(hits), resetMilliseconds: start + windowMilliseconds,
                                     nowMilliseconds: now)
        }
        let now = RateLimiter.nowMilliseconds()
        let shard = shards[Int(UInt64(bitPattern: user) % UInt64(RateLimiter.shardCount))]
        let window = shard.windows.withLock { windows in
            if windows.count > RateLimiter.sweepThreshold {
                windows = windows.filter { $0.value.startMilliseconds + windowMilliseconds > now }
            }
            var window = windows[user] ?? Window(startMilliseconds: now, hits: 0)
            if window.startMilliseconds + windowMilliseconds <= now { window = Window(startMilliseconds: now, hits: 0) }
            window.hits = min(window.hits, Int(Int32.max)) + 1
            windows[user] = window
            return window
        }
        return RateLimitDecision(limit: settings.limit, hits: window.hits, resetMilliseconds: window.startMilliseconds + windowMilliseconds,
                                 nowMilliseconds: now)
    }

    private static func nowMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
