/// Where a plugin comes from: a family in the plugin folder (`plugins.load`), or a file anywhere
/// (`plugins.files`, e.g. a third-party plugin built in its own folder).
enum PluginSource: Equatable {
    /// `<Name>`: `lib<Name>.so` in the plugin folder.
    case family(String)
    /// An absolute path to a `lib<Name>.so`.
    case file(String)

    /// The file name, for messages: `libUsers.so`.
    var fileName: String {
        switch self {
        case .family(let name): return "lib\(name).so"
        case .file(let path): return path.split(separator: "/").last.map(String.init) ?? path
        }
    }

    /// The path to open, given the plugin folder.
    func path(in directory: String) -> String {
        switch self {
        case .family: return directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        case .file(let path): return path
        }
    }
}
