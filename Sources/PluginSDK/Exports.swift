/// A plugin imports `PluginSDK` only: the C contract's types (`calapi_magic`, `calapi_host_v1`,
/// `calapi_registrar_v1`, `calapi_str`) come with it, for the two entry points of its entry file.
@_exported import CalapiPluginAPI
