/// A request method. The methods calapi routes on are cases; any other token arrives as `.other` with its
/// exact spelling (methods are case-sensitive, so "get" is `.other("get")`, not `.get`).
enum HTTPMethod: Hashable {
    case get, head, post, put, patch, delete, options
    case other(String)

    /// Maps a method token as sent on the wire to a case.
    init(name: String) {
        switch name {
        case "GET": self = .get
        case "HEAD": self = .head
        case "POST": self = .post
        case "PUT": self = .put
        case "PATCH": self = .patch
        case "DELETE": self = .delete
        case "OPTIONS": self = .options
        default: self = .other(name)
        }
    }

    /// The method as sent on the wire, e.g. "GET".
    var name: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .post: "POST"
        case .put: "PUT"
        case .patch: "PATCH"
        case .delete: "DELETE"
        case .options: "OPTIONS"
        case .other(let name): name
        }
    }
}
