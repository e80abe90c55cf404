import Dispatch
import Glibc

/// The HTTP/1.1 server: one non-blocking listening socket shared by `config.ioThreads` event loops
/// (`IOThread`), each owning the connections it accepted. No thread per connection; the handler is called
/// on the loops and answers through a `ResponseSink` from any thread.
///
/// Threading: `start()` once; `apply(_:)` and `stop(deadlineSeconds:)` from any thread (a signal-watching
/// thread, a test); the first `stop` does the work and later ones return at once.
final class HTTPServer {
    private enum Phase {
        case created, running, stopped
    }

    private let config: HTTPServerConfig
    private let handler: HTTPRequestHandler
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var phase = Phase.created
    private var listener: Int32 = -1
    private var threads: [IOThread] = []
    private var budget: HTTPConnectionBudget?
    private var port: UInt16 = 0

    init(config: HTTPServerConfig, handler: HTTPRequestHandler) {
        self.config = config
        self.handler = handler
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        stop(deadlineSeconds: 0)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The port the server listens on: the kernel's pick when `config.port` is 0; 0 before `start()`.
    var boundPort: UInt16 {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return port
    }

    /// Open client connections across all I/O threads; 0 before `start()`.
    var openConnections: Int {
        pthread_mutex_lock(mutex)
        let budget = budget
        pthread_mutex_unlock(mutex)
        return budget?.inUse ?? 0
    }

    /// Binds, listens and starts the I/O threads. Throws if already started or if the address cannot be
    /// used, e.g. "cannot listen on 127.0.0.1:3002: Address already in use".
    func start() throws {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard phase == .created else { throw HTTPServerError(message: "the HTTP server was already started") }
        let fd = try HTTPListener.open(host: config.host, port: config.port, backlog: 1024, reusePort: config.reusePort)
        let budget = HTTPConnectionBudget(limit: config.limits.maxConnections)
        var started: [IOThread] = []
        do {
            for _ in 0..<max(1, config.ioThreads) {
                let thread = try IOThread(config: config, handler: handler, listener: fd, budget: budget)
                try thread.start()
                started.append(thread)
            }
        } catch {
            HTTPServer.shutDown(started, listener: fd, deadline: HTTPClock.now())
            throw error
        }
        listener = fd
        threads = started
        self.budget = budget
        port = HTTPListener.port(of: fd)
        phase = .running
    }

    /// New limits for the requests to come; requests under way keep theirs. Ignored unless running.
    func apply(_ limits: HTTPLimits) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard phase == .running else { return }
        budget?.setLimit(limits.maxConnections)
        for thread in threads { thread.apply(limits) }
    }

    /// Stops gracefully, dropping no request: connections already queued on the listener are accepted,
    /// then the listener closes; requests in flight (also those a handler is still working on) are
    /// answered with `Connection: close`; a connection between requests may send one more for
    /// `drainIdleSeconds`; each connection then shuts its sending side and waits for the client to close
    /// (lingering). At `deadlineSeconds` from now whatever is left closes. Returns once the I/O threads
    /// have ended.
    func stop(deadlineSeconds: Double) {
        pthread_mutex_lock(mutex)
        guard phase == .running else {
            pthread_mutex_unlock(mutex)
            return
        }
        phase = .stopped
        let running = threads
        let fd = listener
        threads = []
        pthread_mutex_unlock(mutex)
        HTTPServer.shutDown(running, listener: fd, deadline: HTTPClock.now() + max(0, deadlineSeconds))
    }

    /// Takes the listener out of every loop before closing it (so no loop accepts on a closed or reused
    /// descriptor, and each has accepted what was queued), then waits for the loops to finish.
    private static func shutDown(_ threads: [IOThread], listener: Int32, deadline: Double) {
        let acknowledged = DispatchSemaphore(value: 0)
        for thread in threads {
            thread.requestStop(deadline: deadline, acknowledge: acknowledged)
        }
        for _ in threads {
            acknowledged.wait()
        }
        close(listener)
        for thread in threads {
            thread.join()
        }
    }
}
