import Glibc
import Synchronization

/// The handler threads. Each owns one database connection (with its prepared statements); all take
/// their jobs from one shared FIFO queue, so a request never waits behind another while a worker is
/// idle (with a queue per worker, a request dealt to a worker busy with a slow one waited although
/// others were free: p99 was 4 to 6 times p50 at 64 connections). The queue's lock is held only to
/// append or take one job; measured in docs/operations.md ("Performance").
final class WorkerPool {
    private let workers: [Worker]
    private let queue: BlockingQueue<Job>

    /// - Parameters:
    ///   - statementTimeout: `statement_timeout` of the connections as they open, in seconds (0 = the
    ///     server's); each job then brings its own (`ServingSettings.statementTimeoutSeconds`).
    ///   - queueCapacity: jobs waiting per worker before new ones are refused (503).
    init(count: Int, databaseURL: String, processor: RequestProcessor, recorder: RequestRecorder,
         statementTimeout: Double = 0, queueCapacity: Int = 256) {
        let queue = BlockingQueue<Job>(capacity: queueCapacity * count)
        self.queue = queue
        workers = (0..<count).map {
            Worker(index: $0, connection: PGConnection(url: databaseURL, statementTimeout: statementTimeout),
                   processor: processor, recorder: recorder, queue: queue)
        }
    }

    /// Pool connections whose worker is running a request, and the others (for `/metrics`).
    var connectionStates: (busy: Int, idle: Int) {
        let busy = workers.reduce(0) { $0 + ($1.busy.load(ordering: .relaxed) ? 1 : 0) }
        return (busy, workers.count - busy)
    }

    /// Starts the threads; throws when the system refuses one (those already started are stopped).
    func start() throws {
        for (index, worker) in workers.enumerated() {
            do { try worker.start() } catch {
                queue.close()
                workers[..<index].forEach { $0.join() }
                throw error
            }
        }
    }

    /// Queues a job for the first free worker; false when the queue is full.
    func submit(_ job: Job) -> Bool {
        queue.push(job)
    }

    /// Lets queued jobs finish, then stops the threads and waits until they have ended.
    func stop() {
        queue.close()
        workers.forEach { $0.join() }
    }
}

/// One handler thread, its connection, and the wake-up that cancels the statement of a request whose
/// client left.
///
/// The connection is opened, used and closed on the worker's own thread, and `join` waits for the
/// thread to have ended (`pthread_join`, not a signal sent before the end): libpq, and the Kerberos
/// library it loads for GSSAPI, keep per-thread state that is released as the thread exits, which must
/// happen before `exit` runs the libraries' destructors (see docs/operations.md, "Restarts and upgrades").
final class Worker {
    /// True while a request is being served.
    let busy = Atomic<Bool>(false)
    private let index: Int
    private let connection: PGConnection
    private let interrupt = WorkerInterrupt()
    private let processor: RequestProcessor
    private let recorder: RequestRecorder
    /// The pool's queue, shared with the other workers.
    private let queue: BlockingQueue<Job>
    private var thread: pthread_t?

    init(index: Int, connection: PGConnection, processor: RequestProcessor, recorder: RequestRecorder, queue: BlockingQueue<Job>) {
        self.index = index
        self.connection = connection
        self.processor = processor
        self.recorder = recorder
        self.queue = queue
    }

    func start() throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 1 << 20)
        let retained = Unmanaged.passRetained(self)
        var created = pthread_t()
        let status = pthread_create(&created, &attributes, { context in
            let worker = Unmanaged<Worker>.fromOpaque(context!).takeRetainedValue()
            worker.run()
            return nil
        }, retained.toOpaque())
        guard status == 0 else {
            retained.release()
            throw HTTPServerError(message: "cannot start worker \(index): \(String(cString: strerror(status)))")
        }
        thread = created
    }

    /// Waits until the thread has ended. Called once, after the queue was closed.
    func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }

    private func run() {
        try? connection.connect()
        connection.interrupt = interrupt
        let metrics = recorder.metrics.local
        while let job = queue.pop() {
            busy.store(true, ordering: .relaxed)
            metrics.recordPoolWait(seconds: HTTPClock.now() - job.trace.receivedAt)
            // A request whose client left while it waited in the queue is not started.
            let abandoned = interrupt.begin(job.sink.cancellation)
            connection.statementTimeout = job.settings.statementTimeoutSeconds
            let response = abandoned ? APIResponse.clientGone : processor.process(job, connection: connection)
            job.sink.send(recorder.finish(job.trace, response))
            interrupt.end()
            busy.store(false, ordering: .relaxed)
        }
        connection.close()
    }
}
