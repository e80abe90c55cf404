/// Swift face of the registrar handed to init; used by `Plugin.register` only. Every string is
/// copied by the host, so temporaries are fine. The first refusal makes `succeeded` false.
struct Registrar {
    let raw: UnsafeMutablePointer<calapi_registrar_v1>
    private(set) var succeeded = true

    mutating func declare(resource: String, ceiling: UInt32) {
        check(withCalapiString(resource) { raw.pointee.declare_resource(raw, $0, ceiling) })
    }

    /// The statement's id, or nil when the host refused it.
    mutating func statement(_ name: String, _ statement: Statement) -> calapi_stmt_id? {
        var id: calapi_stmt_id = 0
        let code = withCalapiString(name) { name in
            withCalapiString(statement.sql) { sql in
                var value = calapi_statement_v1(struct_size: UInt32(MemoryLayout<calapi_statement_v1>.size),
                                                writes: statement.writes ? 1 : 0, name: name, sql: sql)
                return raw.pointee.add_statement(raw, &value, &id)
            }
        }
        check(code)
        return code == CALAPI_OK ? id : nil
    }

    /// Registers a route whose handler (and check) are the SDK's trampolines, `index` their route.
    mutating func route(_ route: FlatRoute, resource: String, index: Int, handler: calapi_handler, authorize: calapi_handler?) {
        let code = withCalapiString(resource) { resource in
            withCalapiString(route.path) { path in
                withCalapiString(route.body) { body in
                    withCalapiString(route.querySchema) { query in
                        withCalapiString(route.doc) { doc in
                            var value = calapi_route_v1(
                                struct_size: UInt32(MemoryLayout<calapi_route_v1>.size), method: route.method.rawValue,
                                resource: resource, path: path, handler: handler,
                                user_data: UnsafeMutableRawPointer(bitPattern: index + 1),
                                body_schema: body, query_schema: query, openapi: doc, authorize: authorize)
                            return raw.pointee.add_route(raw, &value)
                        }
                    }
                }
            }
        }
        check(code)
    }

    mutating func component(_ name: String, schema: String) {
        check(withCalapiString(name) { name in withCalapiString(schema) { raw.pointee.add_component_schema(raw, name, $0) } })
    }

    private mutating func check(_ code: Int32) {
        if code != CALAPI_OK { succeeded = false }
    }
}
