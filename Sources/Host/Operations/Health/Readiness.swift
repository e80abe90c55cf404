import Glibc
import Synchronization

/// Whether this process should get traffic (`GET /readyz`): the database answered a probe recently,
/// every configured plugin loaded, and no drain has begun (`ServerLifecycle`).
///
/// Threading: read on I/O threads with atomic loads only, so it answers at once even while every
/// worker is busy; `DatabaseProbe` writes the database's state from its own thread.
final class Readiness: @unchecked Sendable {
    /// How old the last good answer of the database may be. The probe asks every second and gives up
    /// on a connection after 2 s, so a database that stops answering is seen within 3 s; one that
    /// refuses connections or fails the probe is seen at the next probe (≤ 1 s).
    static let staleness: UInt64 = 3_000_000_000

    /// Configured plugin families that failed to load (fixed at start).
    let failedPlugins: [String]
    /// Monotonic nanoseconds of the last probe the database answered; 0 while the last one failed.
    private let lastAnswer = Atomic<UInt64>(0)

    init(failedPlugins: [String]) {
        self.failedPlugins = failedPlugins
        lastAnswer.store(Readiness.now(), ordering: .relaxed)
    }

    func databaseAnswered() {
        lastAnswer.store(Readiness.now(), ordering: .relaxed)
    }

    func databaseFailed() {
        lastAnswer.store(0, ordering: .relaxed)
    }

    /// What is not ready, by check (`database`, `plugins`, `drain`); empty when ready.
    func problems() -> [(check: String, reason: String)] {
        var problems: [(String, String)] = []
        let answered = lastAnswer.load(ordering: .relaxed)
        if answered == 0 {
            problems.append(("database", "PostgreSQL did not answer the last probe"))
        } else if Readiness.now() &- answered > Readiness.staleness {
            problems.append(("database", "PostgreSQL has not answered for more than 3 s"))
        }
        if !failedPlugins.isEmpty {
            problems.append(("plugins", "not loaded: " + failedPlugins.joined(separator: ", ")))
        }
        if ServerLifecycle.isDraining {
            problems.append(("drain", "the server is stopping"))
        }
        return problems
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
