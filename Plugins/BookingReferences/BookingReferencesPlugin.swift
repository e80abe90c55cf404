import CalapiPluginAPI
import PluginSDK

/// Entry points of the BookingReferences plugin: `/booking-references` and `/booking-references/{id}`
/// (bookings-and-auth.md §5). Rows only: the external calendar event or meeting is never touched.

private let magic = makePluginMagic(name: "booking-references", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    BookingReferencesRoutes.register(&registrar)
    return registrar.result
}
