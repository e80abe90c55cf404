import Glibc
import Synchronization

/// Holds the `ServingSettings` in force and hands them to requests without a lock shared by all
/// threads: each thread keeps the snapshot it last read, with its generation, and goes through the
/// mutex only when `replace` has published a newer one since. Reading costs one atomic load and one
/// thread-local lookup per request.
///
/// Thread-safe: `replace` from any thread (the signal-handling one); `current` from any thread.
final class SettingsStore: @unchecked Sendable {
    /// Generations are unique across stores, so a thread's cached snapshot can never pass for another
    /// store's.
    private static let generations = Atomic<UInt64>(0)

    /// A thread's last snapshot; owned by the thread (a pthread key releases it when the thread ends).
    private final class ThreadCache {
        var generation: UInt64 = 0
        var settings: ServingSettings?
    }

    private static let cacheKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { box in
            if let box { Unmanaged<ThreadCache>.fromOpaque(box).release() }
        }
        return key
    }()

    private let published = Atomic<UInt64>(0)
    private let latest: Mutex<(generation: UInt64, settings: ServingSettings)>

    init(_ settings: ServingSettings) {
        let generation = SettingsStore.generations.wrappingAdd(1, ordering: .relaxed).newValue
        latest = Mutex((generation, settings))
        published.store(generation, ordering: .releasing)
    }

    /// The snapshot in force; read it once per request.
    var current: ServingSettings {
        let cache = SettingsStore.threadCache()
        if cache.generation != published.load(ordering: .acquiring) || cache.settings == nil {
            (cache.generation, cache.settings) = latest.withLock { ($0.generation, $0.settings) }
        }
        return cache.settings!
    }

    /// Puts `settings` in force for the requests that arrive from now on.
    func replace(with settings: ServingSettings) {
        let generation = SettingsStore.generations.wrappingAdd(1, ordering: .relaxed).newValue
        latest.withLock { $0 = (generation, settings) }
        published.store(generation, ordering: .releasing)
    }

    private static func threadCache() -> ThreadCache {
        if let box = pthread_getspecific(cacheKey) {
            return Unmanaged<ThreadCache>.fromOpaque(box).takeUnretainedValue()
        }
        let cache = ThreadCache()
        pthread_setspecific(cacheKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}
