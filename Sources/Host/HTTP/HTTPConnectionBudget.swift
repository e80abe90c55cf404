import Glibc

/// Counts open connections across all I/O threads against `HTTPServerConfig.maxConnections`.
///
/// Thread-safe: a mutex guards the count; it is taken only when a connection opens or closes.
final class HTTPConnectionBudget {
    private let limit: Int
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
