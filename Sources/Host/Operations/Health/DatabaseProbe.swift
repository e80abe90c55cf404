import Foundation

/// Asks the database `SELECT 1` once a second on a connection of its own and tells `Readiness`,
/// so `/readyz` never waits for the database. Logs when the answer changes (failing, recovered).
///
/// Threading: one thread of its own between `start()` and `stop()`; `stop()` waits for it to close
/// its connection, so no libpq connection outlives the serve command.
final class DatabaseProbe: @unchecked Sendable {
    static let interval = 1.0

    private let connection: PGConnection
    private let readiness: Readiness
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = NSLock()
    private var stopped = false

    /// `url` is the serving role's; statements are cut after 2 s.
    init(url: String, readiness: Readiness) {
        connection = PGConnection(url: url, statementTimeout: 2)
        self.readiness = readiness
    }

    func start() {
        let thread = Thread { [self] in
            var failing = false
            while !isStopped {
                do {
                    _ = try connection.simpleQuery("SELECT 1")
                    readiness.databaseAnswered()
                    if failing { Log.info("database: answering again") }
                    failing = false
                } catch {
                    readiness.databaseFailed()
                    if !failing { Log.warning("database: the readiness probe failed (/readyz answers 503): \(error)") }
                    failing = true
                }
                _ = wake.wait(timeout: .now() + DatabaseProbe.interval)
            }
            connection.close()
            finished.signal()
        }
        thread.name = "calapi-db-probe"
        thread.start()
    }

    /// Ends the probe and waits for its connection to close.
    func stop() {
        stopping.lock()
        stopped = true
        stopping.unlock()
        wake.signal()
        finished.wait()
    }

    private var isStopped: Bool {
        stopping.lock()
        defer { stopping.unlock() }
        return stopped
    }
}
