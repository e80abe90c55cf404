/// A whole plugin as a value: its name and version (the magic block), its statements, its
/// OpenAPI components and its resources with their routes. A plugin's entry file hands it to the
/// host in two lines:
///
/// ```swift
/// @_cdecl("calapi_plugin_magic") public func magic() -> UnsafePointer<calapi_magic> { plugin.magic }
/// @_cdecl("calapi_plugin_init_v1") public func initialize(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 { plugin.register(host, registrar) }
/// ```
public final class Plugin<S: StatementSet> {
    /// The block `calapi_plugin_magic` returns: allocated once, never freed.
    public let magic: UnsafePointer<calapi_magic>
    private let components: KeyValuePairs<String, String>
    /// Built at `register`, after the host table is installed (descriptions may read limits).
    private let resources: () -> [Resource<S>]

    /// - Parameters:
    ///   - name: the plugin's unique name (`calapi plugins` and `/docs` show it).
    ///   - statements: the enum of its statements, every case registered at load.
    ///   - components: OpenAPI component schemas, by name.
    public init(_ name: StaticString, version: StaticString, statements: S.Type, components: KeyValuePairs<String, String> = [:],
                @ResourceBuilder<S> resources: @escaping () -> [Resource<S>]) {
        let block = UnsafeMutablePointer<calapi_magic>.allocate(capacity: 1)
        let builtBy: StaticString = "swift, calapi PluginSDK"
        block.initialize(to: calapi_magic(
            magic: CALAPI_MAGIC, struct_size: UInt32(MemoryLayout<calapi_magic>.size),
            abi_major: UInt16(CALAPI_ABI_MAJOR), abi_minor: UInt16(CALAPI_ABI_MINOR), flags: 0,
            name: UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self),
            version: UnsafeRawPointer(version.utf8Start).assumingMemoryBound(to: CChar.self),
            built_by: UnsafeRawPointer(builtBy.utf8Start).assumingMemoryBound(to: CChar.self)))
        self.magic = UnsafePointer(block)
        self.components = components
        self.resources = resources
    }

    /// The body of `calapi_plugin_init_v1`: keeps the host table, registers the SDK's shared
    /// statements and every statement, component, resource and route. CALAPI_OK, or CALAPI_FAIL
    /// when the host refused something (its reason is in the load error).
    public func register(_ host: UnsafePointer<calapi_host_v1>, _ raw: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
        PluginHost.table = host
        var registrar = Registrar(raw: raw)
        let statements = StatementTable<S>()
        guard SharedSQL.table.register(&registrar), statements.register(&registrar) else { return CALAPI_FAIL }
        for (name, schema) in components { registrar.component(name, schema: schema) }
        for resource in resources() {
            registrar.declare(resource: resource.name, ceiling: resource.ceiling)
            for route in resource.routes {
                let index = Trampolines.add(route, statements)
                registrar.route(route.flat, resource: resource.name, index: index, handler: Trampolines.handler,
                                authorize: route.access == nil ? nil : Trampolines.authorize)
            }
        }
        return registrar.succeeded ? CALAPI_OK : CALAPI_FAIL
    }
}
