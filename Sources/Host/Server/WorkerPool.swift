import Foundation
import Synchronization

/// The handler threads. Each owns one database connection (with its prepared statements) and a
/// queue of its own, so no lock is shared by all requests; the I/O threads deal jobs round-robin.
final class WorkerPool {
    private let workers: [Worker]
    private let next = Atomic<Int>(0)

    /// - Parameter statementTimeout: `statement_timeout` of every worker's connection, in seconds (0 = none).
    init(count: Int, databaseURL: String, processor: RequestProcessor, recorder: RequestRecorder, keyCacheSeconds: Double,
         statementTimeout: Double = 0, queueCapacity: Int = 256) {
        workers = (0..<count).map {
            Worker(index: $0, connection: PGConnection(url: databaseURL, statementTimeout: statementTimeout),
                   cache: AuthCache(seconds: keyCacheSeconds), processor: processor, recorder: recorder, queueCapacity: queueCapacity)
        }
    }

    /// Pool connections whose worker is running a request, and the others (for `/metrics`).
    var connectionStates: (busy: Int, idle: Int) {
        let busy = workers.reduce(0) { $0 + ($1.busy.load(ordering: .relaxed) ? 1 : 0) }
        return (busy, workers.count - busy)
    }

    func start() { workers.forEach { $0.start() } }

    /// Hands a job to the next worker with room; false when every queue is full.
    func submit(_ job: Job) -> Bool {
        let start = next.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max
        for offset in 0..<workers.count where workers[(start &+ offset) % workers.count].queue.push(job) {
            return true
        }
        return false
    }

    /// Lets queued jobs finish, then stops the threads and closes their connections.
    func stop() {
        workers.forEach { $0.queue.close() }
        workers.forEach { $0.join() }
    }
}

/// One handler thread, its connection, its key cache, and the wake-up that cancels the statement of
/// a request whose client left.
final class Worker {
    let queue: BlockingQueue<Job>
    /// True while a request is being served.
    let busy = Atomic<Bool>(false)
    private let index: Int
    private let connection: PGConnection
    private let interrupt = WorkerInterrupt()
    private let cache: AuthCache
    private let processor: RequestProcessor
    private let recorder: RequestRecorder
    private let finished = DispatchSemaphore(value: 0)

    init(index: Int, connection: PGConnection, cache: AuthCache, processor: RequestProcessor, recorder: RequestRecorder,
         queueCapacity: Int) {
        self.index = index
        self.connection = connection
        self.cache = cache
        self.processor = processor
        self.recorder = recorder
        self.queue = BlockingQueue(capacity: queueCapacity)
    }

    func start() {
        let thread = Thread { [self] in
            try? connection.connect()
            connection.interrupt = interrupt
            let metrics = recorder.metrics.local
            while let job = queue.pop() {
                busy.store(true, ordering: .relaxed)
                metrics.recordPoolWait(seconds: HTTPClock.now() - job.trace.receivedAt)
                // A request whose client left while it waited in the queue is not started.
                let abandoned = interrupt.begin(job.sink.cancellation)
                let response = abandoned ? APIResponse.clientGone : processor.process(job, connection: connection, cache: cache)
                job.sink.send(recorder.finish(job.trace, response))
                interrupt.end()
                busy.store(false, ordering: .relaxed)
            }
            connection.close()
            finished.signal()
        }
        thread.name = "calapi-worker-\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    func join() { finished.wait() }
}
