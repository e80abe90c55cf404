import CalapiPluginAPI
import PluginSDK

/// Entry points of the Bookings plugin: `/bookings`, `/bookings/{id}`, `/bookings/{id}/cancel` and
/// `/bookings/{id}/confirm` (bookings-and-auth.md §3).

private let magic = makePluginMagic(name: "bookings", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    BookingsRoutes.register(&registrar)
    return registrar.result
}
