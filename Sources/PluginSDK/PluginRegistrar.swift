import CalapiPluginAPI

/// Swift face of the registrar handed to init. Every string is copied by the host, so temporaries
/// are fine. The first failed registration makes `succeeded` false; init should then return it.
public struct PluginRegistrar {
    let raw: UnsafeMutablePointer<calapi_registrar_v1>
    public private(set) var succeeded = true

    public init(_ raw: UnsafeMutablePointer<calapi_registrar_v1>) { self.raw = raw }

    /// A handler: `@convention(c)`, so it captures nothing; context comes from the request.
    public typealias Handler = @convention(c) (OpaquePointer, UnsafeMutableRawPointer?) -> Int32

    public mutating func declare(resource: String, ceiling: UInt32) {
        let code = withCalapiString(resource) { raw.pointee.declare_resource(raw, $0, ceiling) }
        if code != CALAPI_OK { succeeded = false }
    }

    /// Registers a statement; a refused one returns an id that is never used (init then fails).
    public mutating func statement(_ name: String, writes: Bool = false, _ sql: String) -> Statement {
        var id: calapi_stmt_id = 0
        let code = withCalapiString(name) { name in
            withCalapiString(sql) { sql in
                var statement = calapi_statement_v1(struct_size: UInt32(MemoryLayout<calapi_statement_v1>.size),
                                                    writes: writes ? 1 : 0, name: name, sql: sql)
                return raw.pointee.add_statement(raw, &statement, &id)
            }
        }
        if code != CALAPI_OK { succeeded = false }
        return Statement(id: id)
    }

    /// Registers a route on a declared resource.
    public mutating func route(_ method: UInt32, _ path: String, resource: String, handler: Handler,
                               authorize: Handler? = nil, body: String = "", query: String = "", openapi: String = "") {
        let code = withCalapiString(resource) { resource in
            withCalapiString(path) { path in
                withCalapiString(body) { body in
                    withCalapiString(query) { query in
                        withCalapiString(openapi) { openapi in
                            var route = calapi_route_v1(
                                struct_size: UInt32(MemoryLayout<calapi_route_v1>.size), method: method,
                                resource: resource, path: path, handler: handler, user_data: nil,
                                body_schema: body, query_schema: query, openapi: openapi, authorize: authorize)
                            return raw.pointee.add_route(raw, &route)
                        }
                    }
                }
            }
        }
        if code != CALAPI_OK { succeeded = false }
    }

    public mutating func component(_ name: String, schema: String) {
        let code = withCalapiString(name) { name in withCalapiString(schema) { raw.pointee.add_component_schema(raw, name, $0) } }
        if code != CALAPI_OK { succeeded = false }
    }

    /// The init result: CALAPI_OK when everything registered.
    public var result: Int32 { succeeded ? CALAPI_OK : CALAPI_FAIL }
}
