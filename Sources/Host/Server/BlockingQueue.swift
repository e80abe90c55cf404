import Glibc

/// A bounded FIFO that consumer threads wait on (each element goes to one of them). `push` never
/// blocks: a full queue refuses, so the caller can answer 503 at once instead of piling up work
/// (backpressure). The lock is held only to append or take one element.
final class BlockingQueue<Element> {
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Number of waiting elements (a snapshot).
    var count: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return items.count - head
    }

    /// Appends unless the queue is full or closed; returns whether it did.
    func push(_ element: Element) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard !closed, items.count - head < capacity else { return false }
        items.append(element)
        pthread_cond_signal(&condition)
        return true
    }

    /// The next element; waits while empty. Nil once the queue is closed and drained.
    func pop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while head == items.count && !closed { pthread_cond_wait(&condition, &mutex) }
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Refuses further pushes and wakes the consumers once what is queued is done.
    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }
}
