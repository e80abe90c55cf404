/// A route path in OpenAPI's template syntax, split into segments: `/users/{userId}` is
/// `[.literal("users"), .parameter("userId")]`. The same text is the OpenAPI path key.
struct PathTemplate: Hashable, CustomStringConvertible {
    enum Segment: Hashable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    let description: String

    /// Parses a template; nil when it does not start with `/`, has an empty segment, or a malformed `{…}`.
    init?(_ text: String) {
        guard text.hasPrefix("/"), text.count > 1 else { return nil }
        var segments: [Segment] = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty { return nil }
            if part.hasPrefix("{") {
                guard part.hasSuffix("}"), part.count > 2 else { return nil }
                let name = part.dropFirst().dropLast()
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
                segments.append(.parameter(String(name)))
            } else {
                guard !part.contains("{"), !part.contains("}") else { return nil }
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
        self.description = text
    }

    /// Names of the template's parameters, in order.
    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
    }
}
