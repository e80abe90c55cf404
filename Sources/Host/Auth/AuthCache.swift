import Glibc
import Synchronization

/// Successful key lookups remembered for a configured time (`auth.cache_seconds`, 30 by default), so
/// that most requests skip the lookup's statement. One cache for the whole process, in 64 shards by
/// key hash, each with its own lock held for one dictionary access: workers rarely meet on a lock and
/// none is shared by all requests.
///
/// Staleness, and what bounds it:
/// - an entry never outlives its key's `expiresAt`;
/// - a change calapi itself makes to a user (a write statement on `users`, see
///   `StatementCatalog.Statement.changesPrincipals`) empties the cache for every worker before the
///   request that made it is answered (`invalidateAll`), so a role change, a lock or a deleted user
///   (whose keys go with it) takes effect at once on this instance;
/// - anything else, made outside this process (a key deleted or a user locked through Cal.com, or
///   through another calapi instance), shows after at most `cache_seconds`.
///
/// Thread-safe: every method from any worker thread.
final class AuthCache: @unchecked Sendable {
    private struct Entry {
        let principal: Principal
        /// Monotonic nanoseconds after which the entry is not used.
        let deadline: UInt64
        /// The `generation` that was current when the lookup behind the entry began.
        let generation: UInt64
    }

    private final class Shard: @unchecked Sendable {
        let entries = Mutex<[String: Entry]>([:])
    }

    private static let shardCount = 64
    /// Entries per shard (100,000 keys in all) before its dead entries are swept, or, when all are
    /// live, the shard is emptied.
    private static let shardCapacity = 100_000 / shardCount

    private let shards = (0..<AuthCache.shardCount).map { _ in Shard() }
    /// Bumped by `invalidateAll`; entries of an older generation are never used.
    private let generation = Atomic<UInt64>(0)
    private let ttl: UInt64

    /// `seconds` ≤ 0 disables the cache.
    init(seconds: Double) {
        ttl = seconds > 0 ? UInt64(seconds * 1_000_000_000) : 0
    }

    /// The generation to pass to `remember` for a lookup that begins now.
    var currentGeneration: UInt64 { generation.load(ordering: .acquiring) }

    func principal(for hashedKey: String) -> Principal? {
        guard ttl > 0 else { return nil }
        let current = currentGeneration
        let now = AuthCache.now()
        return shard(for: hashedKey).entries.withLock { entries in
            guard let entry = entries[hashedKey] else { return nil }
            guard entry.generation == current, entry.deadline > now else {
                entries[hashedKey] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// Remembers a verified key for the TTL, or until it expires when that comes first
    /// (`expiringIn` seconds from now; nil for a key without expiry). `generation` is
    /// `currentGeneration` as read before the lookup began: when a user changed since, the answer
    /// may predate the change and is not kept.
    func remember(_ principal: Principal, for hashedKey: String, expiringIn seconds: Double? = nil, generation: UInt64) {
        var lifetime = ttl
        if let seconds {
            guard seconds > 0 else { return }
            if seconds * 1e9 < Double(lifetime) { lifetime = UInt64(seconds * 1e9) }
        }
        guard lifetime > 0, generation == currentGeneration else { return }
        let now = AuthCache.now()
        let entry = Entry(principal: principal, deadline: now + lifetime, generation: generation)
        shard(for: hashedKey).entries.withLock { entries in
            if entries.count >= AuthCache.shardCapacity {
                let current = currentGeneration
                entries = entries.filter { $0.value.deadline > now && $0.value.generation == current }
                if entries.count >= AuthCache.shardCapacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[hashedKey] = entry
        }
    }

    /// Forgets every entry (for every worker): called once a write to `users` is done, before its
    /// request is answered.
    func invalidateAll() {
        generation.add(1, ordering: .acquiringAndReleasing)
    }

    /// The key hash is hex: its first two digits pick the shard.
    private func shard(for hashedKey: String) -> Shard {
        var value = 0
        for byte in hashedKey.utf8.prefix(2) {
            let digit = Int(byte & 0x0f) + (byte > UInt8(ascii: "9") ? 9 : 0)
            value = value * 16 + digit
        }
        return shards[value % AuthCache.shardCount]
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
