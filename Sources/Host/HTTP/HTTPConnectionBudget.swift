import Glibc

/// Counts open connections across all I/O threads against `HTTPLimits.maxConnections`.
///
/// Thread-safe: a mutex guards the count and the limit; it is taken only when a connection opens or
/// closes, and when the limit changes.
final class HTTPConnectionBudget {
    private var limit: Int
    private var open = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(limit: Int) {
        self.limit = max(1, limit)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Takes a place for a new connection; false when all are taken.
    func acquire() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard open < limit else { return false }
        open += 1
        return true
    }

    /// Changes the limit; connections already open above a lower one stay open.
    func setLimit(_ newLimit: Int) {
        pthread_mutex_lock(mutex)
        limit = max(1, newLimit)
        pthread_mutex_unlock(mutex)
    }

    /// Connections open now.
    var inUse: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return open
    }

    /// Gives back the place of a closed connection.
    func release() {
        pthread_mutex_lock(mutex)
        open -= 1
        pthread_mutex_unlock(mutex)
    }
}
