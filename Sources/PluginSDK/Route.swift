/// The methods a route can answer, with the header's bits.
public enum HTTPMethod: UInt32 {
    case get = 0x01, post = 0x02, patch = 0x04, delete = 0x08, put = 0x10
}

/// One method on one path: its id rule, schemas, access check, OpenAPI operation and handler, as a
/// value. The host validates the query and body with the schemas before the handler runs, and
/// documents them at `/docs`.
///
/// ```swift
/// Route(.get, "/notes/{id}", id: .number(), doc: OpenAPIOperation.message("Find a note", "Any caller")) { request in
///     .envelope("note", try request.findById(.find, orElse: .notFound("Note not found")))
/// }
/// ```
public struct Route<S: StatementSet> {
    public typealias Handler = (Request<S>) throws -> Reply

    let method: HTTPMethod
    let path: String
    let id: PathId?
    let query: QuerySchema
    let body: String
    let access: Access<S>?
    let doc: String
    let handler: Handler

    /// - Parameters:
    ///   - path: the OpenAPI template without version prefix; inside a `RouteGroup`, what follows the group's path.
    ///   - id: how the path's id is read (it also writes the id's property of the query schema).
    ///   - query: the other query parameters.
    ///   - body: the body's JSON Schema; empty for a route that takes no body.
    ///   - access: the check run after authentication and before validation.
    ///   - doc: the OpenAPI operation object (see `OpenAPIOperation`).
    public init(_ method: HTTPMethod, _ path: String = "", id: PathId? = nil, query: QuerySchema = .none, body: String = "",
                access: Access<S>? = nil, doc: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.id = id
        self.query = query
        self.body = body
        self.access = access
        self.doc = doc
        self.handler = handler
    }

    /// The route inside a group: its path after the group's, the group's id, query and access
    /// unless it states its own.
    func inside(_ group: (path: String, id: PathId?, query: QuerySchema, access: Access<S>?)) -> Route {
        Route(method, group.path + path, id: id ?? group.id, query: group.query.merged(query), body: body,
              access: access ?? group.access, doc: doc, handler)
    }

    /// What the registrar needs, without the plugin's types.
    var flat: FlatRoute {
        FlatRoute(method: method, path: path, querySchema: query.document(id: id), body: body, doc: doc)
    }
}

/// A route as the registrar takes it.
struct FlatRoute {
    let method: HTTPMethod
    let path: String
    let querySchema: String
    let body: String
    let doc: String
}

/// Routes under one path that share an id rule, query parameters and an access check, stated once
/// (as Cal.com's `[id]` folders and their `_auth-middleware` did).
public struct RouteGroup<S: StatementSet> {
    let routes: [Route<S>]

    public init(_ path: String, id: PathId? = nil, query: QuerySchema = .none, access: Access<S>? = nil,
                @RouteBuilder<S> _ routes: () -> [Route<S>]) {
        self.routes = routes().map { $0.inside((path, id, query, access)) }
    }
}

/// A resource (the name `config.yaml` enables methods on) and its routes. Its method ceiling is the
/// methods its routes answer.
public struct Resource<S: StatementSet> {
    let name: String
    let routes: [Route<S>]

    public init(_ name: String, @RouteBuilder<S> _ routes: () -> [Route<S>]) {
        self.name = name
        self.routes = routes()
    }

    var ceiling: UInt32 { routes.reduce(0) { $0 | $1.method.rawValue } }
}

/// Collects routes and groups, in order.
@resultBuilder
public enum RouteBuilder<S: StatementSet> {
    public static func buildExpression(_ route: Route<S>) -> [Route<S>] { [route] }
    public static func buildExpression(_ group: RouteGroup<S>) -> [Route<S>] { group.routes }
    public static func buildBlock(_ parts: [Route<S>]...) -> [Route<S>] { parts.flatMap { $0 } }
}

/// Collects resources, in order.
@resultBuilder
public enum ResourceBuilder<S: StatementSet> {
    public static func buildExpression(_ resource: Resource<S>) -> Resource<S> { resource }
    public static func buildBlock(_ resources: Resource<S>...) -> [Resource<S>] { resources }
}
