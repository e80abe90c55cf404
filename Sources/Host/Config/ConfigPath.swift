import Glibc

/// File-system paths as config.yaml uses them: relative ones resolve against the file's folder.
enum ConfigPath {
    /// `path` made absolute against `base` (unless it already is; a relative `base` is taken from the
    /// current directory), with `.`, `..` and repeated slashes removed. Symbolic links are left alone.
    static func resolve(_ path: String, against base: String) -> String {
        var joined = path.hasPrefix("/") ? path : base + "/" + path
        if !joined.hasPrefix("/") {
            joined = currentDirectory() + "/" + joined
        }
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The absolute folder holding `file`.
    static func directory(of file: String) -> String {
        resolve(file + "/..", against: currentDirectory())
    }

    static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "/" }
        defer { free(path) }
        return String(cString: path)
    }
}
