/// A plugin that passed every check and registered cleanly. Immutable; plugins are never unloaded.
struct LoadedPlugin {
    let name: String
    let version: String
    let builtBy: String
    let file: String
    /// Resource → the most methods the plugin allows on it.
    let ceilings: [String: MethodSet]
    let routes: [Route]
    let componentSchemas: [ComponentSchema]
}
