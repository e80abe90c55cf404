/// Turns a request path into the segments routes are matched against.
///
/// Cal.com's rewrites made `/v1/x`, `/api/v1/x`, `/api/x` and `/x` reach the same handler (any
/// `v<digits>` version is accepted and ignored); calapi does the same. A trailing slash is ignored.
enum APIPath {
    /// Decoded segments, or nil when the path is not a valid absolute path (bad escape, not UTF-8).
    static func segments(_ path: String) -> [Substring]? {
        guard path.hasPrefix("/") else { return nil }
        var parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            .map { Substring(path[$0.startIndex..<$0.endIndex]) }
        if parts.first == "api" { parts.removeFirst() }
        if let first = parts.first, isVersion(first) { parts.removeFirst() }
        var decoded: [Substring] = []
        decoded.reserveCapacity(parts.count)
        for part in parts {
            guard let text = PercentDecoding.decode(part, plusAsSpace: false) else { return nil }
            decoded.append(Substring(text))
        }
        return decoded
    }

    /// `v` followed by one or more digits.
    private static func isVersion(_ segment: Substring) -> Bool {
        let utf8 = segment.utf8
        guard utf8.count > 1, utf8.first == UInt8(ascii: "v") else { return false }
        return utf8.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
