import Synchronization

/// Tells the code answering a request that its client went away, so it can stop work nobody will
/// read (a running statement above all).
///
/// Threading: `cancel()` is called by the I/O thread that owns the connection; `attach`, `detach`
/// and `isCancelled` by the worker answering the request. The worker's wake-up is poked outside the
/// lock: a poke that arrives after the worker moved on to another request is harmless, because the
/// worker acts only on the cancellation of the request it is running (see `WorkerInterrupt`).
final class RequestCancellation: Sendable {
    /// Something a worker waits on that `cancel()` can wake.
    protocol Wakeable: AnyObject, Sendable {
        func wake()
    }

    private struct State {
        var cancelled = false
        var waiting: (any Wakeable)?
    }

    private let state = Mutex(State())

    /// Marks the request as abandoned and wakes the worker attached to it, if any. Any thread, any number of times.
    func cancel() {
        let waiting = state.withLock { state -> (any Wakeable)? in
            state.cancelled = true
            return state.waiting
        }
        waiting?.wake()
    }

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Lets `cancel()` wake `waiter` from now on; answers whether the request was already cancelled.
    func attach(_ waiter: any Wakeable) -> Bool {
        state.withLock { state in
            state.waiting = waiter
            return state.cancelled
        }
    }

    /// Ends the wake-ups (the request is answered).
    func detach() {
        state.withLock { $0.waiting = nil }
    }
}
