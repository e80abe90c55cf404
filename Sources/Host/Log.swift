import Glibc
import Synchronization

/// Start-up and operational messages, one line each, in the format `log:` asks for: a JSON object
/// (`{"time":…,"level":"info","msg":…}`) or `calapi info: …` text, on standard error (or output).
///
/// Threading: any thread. Each line is a single write(2) of a buffer built by the calling thread,
/// so lines never interleave and no lock is taken; the settings are one atomic word
/// (`configure` swaps them, e.g. on a reload). Messages pass through `LogRedaction`, so a key a
/// plugin or an error message quotes does not reach the log.
enum Log {
    /// Format, level and output packed in one word: bit 0 text, bits 1–2 level, bit 3 stdout.
    private static let options = Atomic<Int>(pack(LogSettings()))

    /// Applies `settings` to the lines written from now on (the access log reads its own copy per request).
    static func configure(_ settings: LogSettings) {
        options.store(pack(settings), ordering: .relaxed)
    }

    static func debug(_ message: String) { write(.debug, nil, message) }
    static func info(_ message: String) { write(.info, nil, message) }
    static func warning(_ message: String) { write(.warning, nil, message) }
    static func error(_ message: String) { write(.error, nil, message) }

    /// A message a plugin sent through the host table's `log`; control characters become spaces,
    /// so one call is one line (a plugin cannot forge the host's lines).
    static func plugin(_ name: String, level: UInt32, _ message: String) {
        let line = String(String.UnicodeScalarView(message.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        write(LogSettings.Level(rawValue: Int(min(level, 3)))!, name, line)
    }

    /// Writes `line` (ending in a newline) to `output` in one system call.
    static func emit(_ line: [UInt8], to output: LogSettings.Output) {
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(output.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    private static func write(_ level: LogSettings.Level, _ plugin: String?, _ message: String) {
        let settings = unpack(options.load(ordering: .relaxed))
        guard level >= settings.level else { return }
        let text = LogRedaction.scrub(message)
        var line: [UInt8]
        switch settings.format {
        case .text:
            let source = plugin.map { "[\($0)] " } ?? ""
            line = Array("calapi \(level.name): \(source)\(text)\n".utf8)
        case .json:
            var writer = JSONWriter(bytes: [])
            writer.writeRaw(#"{"time":"#.utf8)
            writer.writeString(LogTime.now())
            writer.writeRaw(#","level":"#.utf8)
            writer.writeString(level.name)
            if let plugin {
                writer.writeRaw(#","plugin":"#.utf8)
                writer.writeString(plugin)
            }
            writer.writeRaw(#","msg":"#.utf8)
            writer.writeString(text)
            writer.writeRaw("}\n".utf8)
            line = writer.bytes
        }
        emit(line, to: settings.output)
    }

    private static func pack(_ settings: LogSettings) -> Int {
        (settings.format == .text ? 1 : 0) | settings.level.rawValue << 1 | (settings.output == .stdout ? 8 : 0)
    }

    private static func unpack(_ word: Int) -> LogSettings {
        var settings = LogSettings()
        settings.format = word & 1 == 1 ? .text : .json
        settings.level = LogSettings.Level(rawValue: (word >> 1) & 3) ?? .info
        settings.output = word & 8 == 8 ? .stdout : .stderr
        return settings
    }
}
