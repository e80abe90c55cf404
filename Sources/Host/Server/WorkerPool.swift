import Foundation
import Synchronization

/// The handler threads. Each owns one database connection (with its prepared statements) and a
/// queue of its own, so no lock is shared by all requests; the I/O threads deal jobs round-robin.
final class WorkerPool {
    private let workers: [Worker]
    private let next = Atomic<Int>(0)

    init(count: Int, databaseURL: String, processor: RequestProcessor, keyCacheSeconds: Double, queueCapacity: Int = 256) {
        workers = (0..<count).map {
            Worker(index: $0, connection: PGConnection(url: databaseURL), cache: AuthCache(seconds: keyCacheSeconds),
                   processor: processor, queueCapacity: queueCapacity)
        }
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

/// One handler thread, its connection and its key cache.
final class Worker {
    let queue: BlockingQueue<Job>
    private let index: Int
    private let connection: PGConnection
    private let cache: AuthCache
    private let processor: RequestProcessor
    private let finished = DispatchSemaphore(value: 0)

    init(index: Int, connection: PGConnection, cache: AuthCache, processor: RequestProcessor, queueCapacity: Int) {
        self.index = index
        self.connection = connection
        self.cache = cache
        self.processor = processor
        self.queue = BlockingQueue(capacity: queueCapacity)
    }

    func start() {
        let thread = Thread { [self] in
            try? connection.connect()
            while let job = queue.pop() {
                job.sink.send(processor.process(job, connection: connection, cache: cache))
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
