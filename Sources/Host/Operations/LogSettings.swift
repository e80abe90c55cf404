/// `log:` in config.yaml: how calapi writes its log (docs/operations.md, "Logs").
struct LogSettings: Equatable {
    enum Format: String, CaseIterable {
        /// One JSON object a line.
        case json
        /// `calapi <level>: <message>` lines, and one line a request in a fixed order of fields.
        case text
    }

    /// Operational messages below `level` are left out; the access log has its own switch.
    enum Level: Int, CaseIterable, Comparable {
        case debug, info, warning, error

        var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    enum Output: String, CaseIterable {
        case stderr, stdout

        var descriptor: Int32 { self == .stdout ? 1 : 2 }
    }

    var format = Format.json
    var level = Level.info
    /// One line per request answered (health checks and scrapes excepted).
    var access = true
    var output = Output.stderr
}
