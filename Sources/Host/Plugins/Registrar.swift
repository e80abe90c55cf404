import CalapiPluginAPI

/// The C registrar handed to a plugin's init: each callback forwards to the `Registration` kept
/// in `host_private`. Valid only during the init call, as the header promises.
enum Registrar {
    static func withRegistrar<T>(for registration: Registration, _ body: (UnsafeMutablePointer<calapi_registrar_v1>) -> T) -> T {
        let retained = Unmanaged.passRetained(registration)
        defer { retained.release() }
        var registrar = calapi_registrar_v1(
            struct_size: UInt32(MemoryLayout<calapi_registrar_v1>.size),
            reserved: 0,
            host_private: retained.toOpaque(),
            declare_resource: { reg, resource, ceiling in
                Registrar.registration(reg).declare(resource: resource.string, ceiling: ceiling)
            },
            add_statement: { reg, statement, out in
                let registration = Registrar.registration(reg)
                let value = statement.pointee
                guard value.struct_size >= UInt32(MemoryLayout<calapi_statement_v1>.size) else {
                    return registration.refuse("statement struct too small (\(value.struct_size) bytes)")
                }
                guard let id = registration.addStatement(name: value.name.string, sql: value.sql.string, writes: value.writes != 0) else {
                    return CALAPI_FAIL
                }
                out.pointee = calapi_stmt_id(id)
                return CALAPI_OK
            },
            add_route: { reg, route in
                let registration = Registrar.registration(reg)
                guard route.pointee.struct_size >= UInt32(MemoryLayout<calapi_route_v1>.size) else {
                    return registration.refuse("route struct too small (\(route.pointee.struct_size) bytes)")
                }
                return registration.addRoute(route.pointee)
            },
            add_component_schema: { reg, name, schema in
                Registrar.registration(reg).addComponent(name: name.string, schema: schema)
            },
            set_error: { reg, message in Registrar.registration(reg).initError = message.string }
        )
        return body(&registrar)
    }

    private static func registration(_ reg: UnsafeMutablePointer<calapi_registrar_v1>) -> Registration {
        Unmanaged<Registration>.fromOpaque(reg.pointee.host_private!).takeUnretainedValue()
    }
}
