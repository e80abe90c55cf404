import Glibc

/// A worker's wake-up for cancelled requests: an eventfd its connection watches while a statement
/// runs. An I/O thread pokes it (through the request's `RequestCancellation`) when the client of the
/// request goes away; the worker then cancels the statement if, and only if, the request it is
/// running now is the cancelled one.
final class WorkerInterrupt: PGInterrupt, RequestCancellation.Wakeable, @unchecked Sendable {
    let descriptor: Int32
    /// The cancellation of the request the worker runs; read and written on the worker's thread only.
    private var current: RequestCancellation?

    init() {
        descriptor = LinuxAPI.eventFD()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Starts watching `cancellation`; answers whether its request was already cancelled.
    func begin(_ cancellation: RequestCancellation) -> Bool {
        current = cancellation
        return cancellation.attach(self)
    }

    /// Stops watching the current request.
    func end() {
        current?.detach()
        current = nil
    }

    /// Any thread.
    func wake() {
        var one: UInt64 = 1
        _ = write(descriptor, &one, MemoryLayout<UInt64>.size)
    }

    func shouldCancel() -> Bool {
        var count: UInt64 = 0
        _ = read(descriptor, &count, MemoryLayout<UInt64>.size)
        return current?.isCancelled == true
    }
}
