import PluginSDK

@_cdecl("calapi_plugin_magic") public func magic() -> UnsafePointer<calapi_magic> { plugin.magic }
@_cdecl("calapi_plugin_init_v1") public func initialize(_ host: UnsafePointer<calapi_host_v1>, _ registrar: UnsafeMutablePointer<calapi_registrar_v1>) -> Int32 { plugin.register(host, registrar) }
