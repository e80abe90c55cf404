import Glibc

/// Successful key lookups remembered for a short, configured time (`auth.cache_seconds`), so a hot
/// key skips its database round trip. One per worker thread, so it takes no lock. Staleness is
/// bounded by the TTL: a key deleted, expired or locked meanwhile still works until its entry ages
/// out on each worker, except expiry: an entry never outlives its key's `expiresAt`. Off (TTL 0) by default.
final class AuthCache {
    private var entries: [String: (principal: Principal, deadline: UInt64)] = [:]
    private let ttl: UInt64
    private let capacity = 50_000

    /// `seconds` ≤ 0 disables the cache.
    init(seconds: Double) {
        ttl = seconds > 0 ? UInt64(seconds * 1_000_000_000) : 0
    }

    func principal(for hashedKey: String) -> Principal? {
        guard ttl > 0, let entry = entries[hashedKey] else { return nil }
        if entry.deadline > AuthCache.now() { return entry.principal }
        entries[hashedKey] = nil
        return nil
    }

    /// Remembers a verified key for the TTL, or until it expires when that comes first
    /// (`expiringIn` seconds from now; nil for a key without expiry).
    func remember(_ principal: Principal, for hashedKey: String, expiringIn seconds: Double? = nil) {
        var lifetime = ttl
        if let seconds {
            guard seconds > 0 else { return }
            if seconds * 1e9 < Double(lifetime) { lifetime = UInt64(seconds * 1e9) }
        }
        guard lifetime > 0 else { return }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[hashedKey] = (principal, AuthCache.now() + lifetime)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
