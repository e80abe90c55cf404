import CalapiPluginAPI
import PluginSDK

/// Entry points of the Availability plugin: the computed `GET /availability`,
/// `/users/{userId}/availability` and `/teams/{teamId}/availability` (core.md §8.1).

private let magic = makePluginMagic(name: "availability", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    AvailabilityRoutes.register(&registrar)
    return registrar.result
}
