import CalapiPluginAPI
import PluginSDK

/// Entry points of the Payments plugin: `/payments` and `/payments/{id}`, read-only in every era
/// of Cal.com v1 (bookings-and-auth.md §6). The ceiling is GET, so no config can enable writes.

private let magic = makePluginMagic(name: "payments", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    PaymentsRoutes.register(&registrar)
    return registrar.result
}
