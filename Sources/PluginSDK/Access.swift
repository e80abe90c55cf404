/// A route's access check, run after authentication and before the query and body are validated
/// (as Cal.com's middlewares did): it throws an `HTTPError` to refuse. It sees the path id already
/// read by the route's rule (`request.id`), the same one the handler will see; `request.body` is
/// absent and other query parameters are raw strings.
public struct Access<S: StatementSet> {
    let check: (Request<S>) throws -> Void

    public init(_ check: @escaping (Request<S>) throws -> Void) {
        self.check = check
    }

    /// The owner check: system admins pass; anyone else needs `statement` to find a row for
    /// (`$1` the path id, `$2` the caller), else `denied` (also for an id no row can have).
    public static func row(_ statement: S, else denied: HTTPError) -> Access {
        row(statement) { _ in denied }
    }

    /// The same, with an answer that names the request's id.
    public static func row(_ statement: S, else denied: @escaping (Request<S>) -> HTTPError) -> Access {
        Access { request in
            guard !request.isAdmin else { return }
            guard let id = request.id, try request.run(statement, .int(id), .int(request.userId)).count > 0 else { throw denied(request) }
        }
    }
}
