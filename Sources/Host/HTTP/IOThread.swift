import Dispatch
import Glibc

/// One event loop on its own pthread: an epoll set (level-triggered) watching the shared listening socket,
/// an eventfd for wake-ups, and the connections this loop accepted.
///
/// Threading: the loop thread owns everything here except the inbox. Other threads only call
/// `complete(_:)` (through a `ResponseSink`), `apply(_:)` and `requestStop(deadline:acknowledge:)`; each
/// leaves its message under a mutex and writes the eventfd. The listening socket is registered with
/// EPOLLEXCLUSIVE, so a new connection wakes one loop rather than all of them.
///
/// Ownership: the server and every outstanding `ResponseSink` keep this object alive. The eventfd is closed
/// only in `deinit`, so a response arriving after the loop ended is dropped without touching a descriptor
/// number that may have been reused.
final class IOThread {
    /// A response for request `serial` of `connection`, on its way from a sink to the loop.
    struct Completion {
        let connection: HTTPConnection
        let serial: UInt64
        let response: HTTPResponse
    }

    private static let listenerTag = UInt64.max
    private static let wakeTag = UInt64.max - 1
    private static let maxEvents = 256
    private static let acceptsPerWakeUp = 64

    /// Tells `complete(_:)` whether it runs on this loop's thread: the key's value is the running loop.
    private static let currentLoop: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    let config: HTTPServerConfig
    let handler: HTTPRequestHandler
    /// Scratch space for `recv`, used by one connection at a time.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// The limits in force: each connection reads them when a request starts (see `apply(_:)`).
    private(set) var limits: HTTPLimits
    /// Bytes a connection may read ahead while its current request is being answered.
    private(set) var readAheadLimit = 0
    /// How long a connection closing after an answer keeps draining what the client still sends, so the
    /// client reads the answer instead of a reset.
    private(set) var lingerSeconds = 0.0
    /// The `Date` header cache.
    var date = HTTPDate()
    /// True once a stop was requested: every request received is answered with `Connection: close`, then
    /// each connection closes (see `HTTPConnection.beginDrain`).
    private(set) var stopping = false

    private let listener: Int32
    private let budget: HTTPConnectionBudget
    private let epoll: Int32
    private let wakeFD: Int32
    /// How often deadlines are checked.
    private var tick = 1.0
    private var pthread = pthread_t()
    /// Indexed by descriptor.
    private var connections: [HTTPConnection?] = []
    private var openConnections = 0
    private var nextGeneration: UInt32 = 0
    private var acceptPaused = false
    private var nextSweep = 0.0
    private var stopDeadline = Double.infinity
    /// Responses sent on the loop thread itself, delivered after the handler call returns.
    private var local: [Completion] = []
    private var inboxBatch: [Completion] = []

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var inbox: [Completion] = []
    private var inboxClosed = false
    private var stopRequest: (deadline: Double, acknowledge: DispatchSemaphore)?
    private var limitsRequest: HTTPLimits?

    /// Creates the epoll set and eventfd and registers the shared `listener`; the loop starts with `start()`.
    init(config: HTTPServerConfig, handler: HTTPRequestHandler, listener: Int32, budget: HTTPConnectionBudget) throws {
        self.config = config
        self.handler = handler
        self.listener = listener
        self.budget = budget
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        limits = config.limits
        pthread_mutex_init(mutex, nil)
        epoll = LinuxAPI.epollCreate()
        wakeFD = LinuxAPI.eventFD()
        adopt(config.limits)
        guard epoll >= 0, wakeFD >= 0,
              LinuxAPI.epollControl(epoll, LinuxAPI.epollAdd, listener, events: LinuxAPI.epollIn | LinuxAPI.epollExclusive,
                                    data: IOThread.listenerTag) == 0,
              LinuxAPI.epollControl(epoll, LinuxAPI.epollAdd, wakeFD, events: LinuxAPI.epollIn, data: IOThread.wakeTag) == 0 else {
            throw HTTPServerError(message: "cannot set up an I/O thread: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if epoll >= 0 { close(epoll) }
        if wakeFD >= 0 { close(wakeFD) }
        readBuffer.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Starts the loop's pthread, which keeps this object alive until the loop ends.
    func start() throws {
        let retained = Unmanaged.passRetained(self)
        let status = pthread_create(&pthread, nil, { context in
            guard let context else { return nil }
            Unmanaged<IOThread>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, retained.toOpaque())
        guard status == 0 else {
            retained.release()
            throw HTTPServerError(message: "cannot start an I/O thread: \(String(cString: strerror(status)))")
        }
    }

    /// Waits for the loop's pthread to end. Called once, after `requestStop`.
    func join() {
        pthread_join(pthread, nil)
    }

    /// Hands a response to the loop. Any thread. On the loop thread itself (a handler answering at once)
    /// it is queued locally; elsewhere it goes through the inbox and the eventfd. Dropped once the loop ended.
    func complete(_ completion: Completion) {
        if pthread_getspecific(IOThread.currentLoop) == Unmanaged.passUnretained(self).toOpaque() {
            local.append(completion)
            return
        }
        pthread_mutex_lock(mutex)
        guard !inboxClosed else {
            pthread_mutex_unlock(mutex)
            return
        }
        let wasEmpty = inbox.isEmpty
        inbox.append(completion)
        pthread_mutex_unlock(mutex)
        // The loop empties the whole inbox per wake-up, so only the first completion needs to wake it.
        if wasEmpty { wake() }
    }

    /// Hands the loop new limits, which each connection takes at its next request. Any thread.
    func apply(_ newLimits: HTTPLimits) {
        pthread_mutex_lock(mutex)
        limitsRequest = newLimits
        pthread_mutex_unlock(mutex)
        wake()
    }

    /// Asks the loop to stop accepting, signal `acknowledge` once the listener is out of its epoll set,
    /// finish in-flight requests until `deadline` (monotonic seconds) and end. Any thread.
    func requestStop(deadline: Double, acknowledge: DispatchSemaphore) {
        pthread_mutex_lock(mutex)
        let ended = inboxClosed
        if !ended { stopRequest = (deadline, acknowledge) }
        pthread_mutex_unlock(mutex)
        if ended { acknowledge.signal() } else { wake() }
    }

    /// Sets the epoll interest of a connection, skipping the system call when it is unchanged.
    func setInterest(of connection: HTTPConnection, to events: UInt32) {
        guard connection.registeredEvents != events else { return }
        if LinuxAPI.epollControl(epoll, LinuxAPI.epollModify, connection.fd, events: events, data: connection.epollData) == 0 {
            connection.registeredEvents = events
        } else {
            connection.close(on: self)
        }
    }

    /// Forgets a connection that has closed its descriptor.
    func remove(_ connection: HTTPConnection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        openConnections -= 1
        budget.release()
    }

    /// Takes `newLimits` and what follows from them.
    private func adopt(_ newLimits: HTTPLimits) {
        limits = newLimits
        readAheadLimit = max(newLimits.maxHeaderBytes, 64 * 1024)
        lingerSeconds = min(2, max(0.05, newLimits.headerTimeoutSeconds))
        tick = min(1, max(0.005, min(newLimits.headerTimeoutSeconds, newLimits.idleTimeoutSeconds) / 8))
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    private func run() {
        pthread_setspecific(IOThread.currentLoop, Unmanaged.passUnretained(self).toOpaque())
        let events = UnsafeMutableRawBufferPointer.allocate(byteCount: IOThread.maxEvents * LinuxAPI.epollEventSize, alignment: 8)
        defer { events.deallocate() }
        nextSweep = HTTPClock.now() + tick
        while true {
            let wait = min(nextSweep, stopDeadline) - HTTPClock.now()
            let timeout = Int32((max(0, min(wait, 60)) * 1000).rounded(.up))
            let count = LinuxAPI.epollWait(epoll, events, capacity: IOThread.maxEvents, timeoutMilliseconds: timeout)
            if count < 0 && errno != EINTR { break }
            for index in 0..<max(0, Int(count)) {
                let (flags, data) = LinuxAPI.event(at: index, in: events)
                switch data {
                case IOThread.listenerTag: acceptConnections()
                case IOThread.wakeTag: drainInbox()
                default: connection(for: data)?.handle(events: flags, on: self)
                }
                deliverLocal()
            }
            let now = HTTPClock.now()
            if now >= nextSweep {
                sweep(now)
                nextSweep = now + (stopping ? min(tick, 0.05) : tick)
            }
            // A stop waits for lingering connections too: closing one early could reset its answer.
            if stopping && (openConnections == 0 || now >= stopDeadline) { break }
        }
        finish()
    }

    /// Closes what is left, closes the inbox and releases a stop waiting for acknowledgement.
    private func finish() {
        for index in connections.indices {
            connections[index]?.close(on: self)
        }
        pthread_setspecific(IOThread.currentLoop, nil)
        local = []
        pthread_mutex_lock(mutex)
        inboxClosed = true
        inbox = []
        let pendingStop = stopRequest
        stopRequest = nil
        pthread_mutex_unlock(mutex)
        pendingStop?.acknowledge.signal()
    }

    private func connection(for data: UInt64) -> HTTPConnection? {
        let index = Int(data & 0xFFFF_FFFF)
        guard index < connections.count, let connection = connections[index],
              connection.generation == UInt32(truncatingIfNeeded: data >> 32) else {
            return nil
        }
        return connection
    }

    /// Accepts up to `limit` waiting connections (while stopping too: those are answered once and closed).
    private func acceptConnections(limit: Int = IOThread.acceptsPerWakeUp) {
        for _ in 0..<limit {
            let fd = LinuxAPI.acceptNonBlocking(listener)
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors or memory: stop listening until the next sweep instead of spinning.
                    pauseAccepting()
                default:
                    break
                }
                return
            }
            guard budget.acquire() else {
                close(fd)
                continue
            }
            register(fd)
        }
    }

    private func register(_ fd: Int32) {
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        nextGeneration = nextGeneration == UInt32.max ? 1 : nextGeneration + 1
        let connection = HTTPConnection(fd: fd, generation: nextGeneration, limits: limits)
        connection.remoteAddress = PeerAddress.of(fd)
        guard LinuxAPI.epollControl(epoll, LinuxAPI.epollAdd, fd, events: connection.registeredEvents,
                                    data: connection.epollData) == 0 else {
            close(fd)
            budget.release()
            return
        }
        let index = Int(fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: index - connections.count + 1))
        }
        connections[index] = connection
        openConnections += 1
        if stopping { connection.beginDrain(on: self) }
    }

    private func pauseAccepting() {
        guard !acceptPaused else { return }
        acceptPaused = LinuxAPI.epollControl(epoll, LinuxAPI.epollDelete, listener, events: 0, data: 0) == 0
    }

    private func drainInbox() {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, MemoryLayout<UInt64>.size)
        pthread_mutex_lock(mutex)
        swap(&inbox, &inboxBatch)
        let request = stopRequest
        stopRequest = nil
        let newLimits = limitsRequest
        limitsRequest = nil
        pthread_mutex_unlock(mutex)
        if let newLimits { adopt(newLimits) }
        for completion in inboxBatch {
            completion.connection.deliver(completion.response, serial: completion.serial, on: self)
        }
        inboxBatch.removeAll(keepingCapacity: true)
        if let request {
            beginStop(deadline: request.deadline, acknowledge: request.acknowledge)
        }
    }

    /// Delivers responses sent on this thread, including those sent while delivering.
    private func deliverLocal() {
        while !local.isEmpty {
            let batch = local
            local = []
            for completion in batch {
                completion.connection.deliver(completion.response, serial: completion.serial, on: self)
            }
        }
    }

    /// Accepts every connection already queued on the listener (closing the listener would reset them),
    /// takes the listener out of the epoll set, and lets each connection finish (`HTTPConnection.beginDrain`).
    private func beginStop(deadline: Double, acknowledge: DispatchSemaphore) {
        if !stopping {
            stopping = true
            stopDeadline = deadline
            nextSweep = min(nextSweep, HTTPClock.now() + 0.05)
            if !acceptPaused {
                acceptConnections(limit: Int.max)
                _ = LinuxAPI.epollControl(epoll, LinuxAPI.epollDelete, listener, events: 0, data: 0)
            }
            acceptPaused = false
            for index in connections.indices {
                connections[index]?.beginDrain(on: self)
            }
        }
        acknowledge.signal()
    }

    /// Acts on every passed deadline (timeouts are checked at this granularity) and resumes accepting.
    private func sweep(_ now: Double) {
        for index in connections.indices {
            if let connection = connections[index], connection.deadline <= now {
                connection.deadlinePassed(on: self)
            }
        }
        if acceptPaused && !stopping {
            acceptPaused = LinuxAPI.epollControl(epoll, LinuxAPI.epollAdd, listener,
                                                 events: LinuxAPI.epollIn | LinuxAPI.epollExclusive, data: IOThread.listenerTag) != 0
        }
    }
}
