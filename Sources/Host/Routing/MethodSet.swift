import CalapiPluginAPI

/// A set of the HTTP methods a resource can serve, as the bit mask of the plugin header.
struct MethodSet: OptionSet, Hashable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let get = MethodSet(rawValue: UInt32(CALAPI_GET))
    static let post = MethodSet(rawValue: UInt32(CALAPI_POST))
    static let patch = MethodSet(rawValue: UInt32(CALAPI_PATCH))
    static let delete = MethodSet(rawValue: UInt32(CALAPI_DELETE))
    static let put = MethodSet(rawValue: UInt32(CALAPI_PUT))

    /// Methods in the order `Allow` headers and messages list them.
    static let ordered: [(name: String, set: MethodSet)] = [
        ("GET", .get), ("POST", .post), ("PATCH", .patch), ("DELETE", .delete), ("PUT", .put),
    ]

    /// The set holding one method named in upper case, or nil for a name calapi never serves.
    init?(name: String) {
        guard let match = MethodSet.ordered.first(where: { $0.name == name }) else { return nil }
        self = match.set
    }

    /// Upper-case names in the canonical order, e.g. ["GET", "POST"].
    var names: [String] { MethodSet.ordered.filter { contains($0.set) }.map(\.name) }

    /// True for methods whose handlers run inside a transaction.
    var writes: Bool { !isDisjoint(with: [.post, .patch, .delete, .put]) }
}
