import CalapiPluginAPI
import PluginSDK

/// Entry points of the Attendees plugin: `/attendees` and `/attendees/{id}` (bookings-and-auth.md §4).
/// An attendee is reached through its booking's organizer; system admins reach every attendee.

private let magic = makePluginMagic(name: "attendees", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    AttendeesRoutes.register(&registrar)
    return registrar.result
}
