import CalapiPluginAPI
import PluginSDK

/// Entry points of the NoShow plugin: `POST /no-show`, marking a booking's attendees as no-shows,
/// which Cal.com's v1 served without listing it in its published document.

private let magic = makePluginMagic(name: "no-show", version: "1.0.0")

@_cdecl("calapi_plugin_magic")
public func calapiPluginMagic() -> UnsafePointer<calapi_magic> { magic }

@_cdecl("calapi_plugin_init_v1")
public func calapiPluginInit(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 {
    PluginHost.install(host)
    var registrar = PluginRegistrar(registrar)
    NoShowRoutes.register(&registrar)
    return registrar.result
}
