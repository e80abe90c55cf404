import Synchronization

/// Process-wide phase of `calapi serve` that more than one part reads: whether a stop (SIGTERM or
/// SIGINT) has begun. From then on the process finishes what it has and takes nothing new; `/readyz`
/// answers 503 so that a load balancer stops sending (see docs/operations.md, "Restarts and upgrades").
///
/// Thread-safe: one atomic flag, set once by the thread that handles signals, read anywhere.
enum ServerLifecycle {
    private static let draining = Atomic<Bool>(false)

    /// True from the moment a drain starts.
    static var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// Marks the start of the drain; later calls change nothing.
    static func beginDrain() {
        draining.store(true, ordering: .releasing)
    }
}
