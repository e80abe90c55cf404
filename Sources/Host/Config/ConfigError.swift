/// A refused setting: which file (or "environment"), which line, which key, and why.
///
/// Printed as `config.yaml:12: resources.payments: unknown method "FETCH" (allowed: GET, POST, PATCH, DELETE, PUT)`;
/// the line is left out when there is none (environment variables, unreadable files) and the key
/// when the problem is not one key's (YAML syntax).
struct ConfigError: Error, CustomStringConvertible {
    /// The file as it was named, or `environment` for an environment variable.
    var file: String
    /// 1-based.
    var line: Int?
    /// The dotted key (`limits.max_body_bytes`) or the environment variable's name.
    var key: String
    var message: String

    var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !key.isEmpty { text += key + ": " }
        return text + message
    }
}
