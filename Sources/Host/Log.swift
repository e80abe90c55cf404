import Glibc

/// Start-up and operational messages on standard error, one line each. stdio serialises whole
/// `fputs` calls, so threads never interleave within a line.
enum Log {
    static func info(_ message: String) { write("info", message) }
    static func warning(_ message: String) { write("warning", message) }
    static func error(_ message: String) { write("error", message) }

    /// A message a plugin sent through the host table's `log`; control characters become spaces,
    /// so one call is one line (a plugin cannot forge the host's lines).
    static func plugin(_ name: String, level: UInt32, _ message: String) {
        let label = ["debug", "info", "warning", "error"][Int(min(level, 3))]
        let line = String(String.UnicodeScalarView(message.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        write(label, "[\(name)] \(line)")
    }

    private static func write(_ level: String, _ message: String) {
        fputs("calapi \(level): \(message)\n", stderr)
    }
}
