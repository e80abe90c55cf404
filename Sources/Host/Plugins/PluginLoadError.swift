/// Why a plugin file was refused. Printed as one line that names the file, says what is wrong and,
/// where there is one, what to do about it.
struct PluginLoadError: Error, CustomStringConvertible {
    let file: String
    let problem: String
    var hint: String? = nil

    var description: String {
        "cannot load plugin file \"\(file)\": \(problem)" + (hint.map { ". \($0)" } ?? "")
    }
}
