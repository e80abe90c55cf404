/// One access-log line (with its newline), in the configured format.
///
/// JSON: `{"time":…,"type":"access","request_id":…,"method":"GET","path":"/v1/me?apiKey=[redacted]",
/// "route":"/me","resource":"me","status":200,"duration":0.0042,"bytes":123,"user_id":1,
/// "remote":"127.0.0.1"}` (plus `"forwarded_for"` when the request had `X-Forwarded-For`).
/// Text: `calapi access: 127.0.0.1 "GET /v1/me?apiKey=[redacted]" 200 123 0.004200s id=… route=/me resource=me user=1`.
enum AccessLogLine {
    static func build(_ trace: RequestTrace, status: Int, bytes: Int, seconds: Double) -> [UInt8] {
        let target = LogRedaction.target(path: trace.path, query: trace.query)
        let forwarded = trace.forwardedFor.map { LogRedaction.scrub(String($0.prefix(256))) }
        switch trace.settings.log.format {
        case .json:
            var writer = JSONWriter(bytes: [])
            writer.bytes.reserveCapacity(256 + target.utf8.count)
            writer.writeRaw(#"{"time":"#.utf8)
            writer.writeString(LogTime.now())
            writer.writeRaw(#","type":"access","request_id":"#.utf8)
            writer.writeString(trace.id)
            writer.writeRaw(#","method":"#.utf8)
            writer.writeString(trace.method.name)
            writer.writeRaw(#","path":"#.utf8)
            writer.writeString(target)
            writer.writeRaw(#","route":"#.utf8)
            if let route = trace.route { writer.writeString(route) } else { writer.writeRaw("null".utf8) }
            writer.writeRaw(#","resource":"#.utf8)
            writer.writeString(trace.resource)
            writer.writeRaw(#","status":"#.utf8)
            writer.writeInt(Int64(status))
            writer.writeRaw(#","duration":"#.utf8)
            writer.writeRaw(microseconds(seconds).utf8)
            writer.writeRaw(#","bytes":"#.utf8)
            writer.writeInt(Int64(bytes))
            writer.writeRaw(#","user_id":"#.utf8)
            if let user = trace.userId { writer.writeInt(user) } else { writer.writeRaw("null".utf8) }
            writer.writeRaw(#","remote":"#.utf8)
            writer.writeString(trace.remoteAddress)
            if let forwarded {
                writer.writeRaw(#","forwarded_for":"#.utf8)
                writer.writeString(forwarded)
            }
            writer.writeRaw("}\n".utf8)
            return writer.bytes
        case .text:
            // Client-chosen text is JSON-escaped inside its quotes, so it cannot break the line.
            var writer = JSONWriter(bytes: [])
            writer.writeString(trace.method.name + " " + target)
            var line = "calapi access: \(trace.remoteAddress) \(String(decoding: writer.bytes, as: UTF8.self)) \(status) \(bytes) "
                + "\(microseconds(seconds))s id=\(trace.id) route=\(trace.route ?? "-") resource=\(trace.resource) "
                + "user=\(trace.userId.map(String.init) ?? "-")"
            if let forwarded {
                var quoted = JSONWriter(bytes: [])
                quoted.writeString(forwarded)
                line += " forwarded_for=" + String(decoding: quoted.bytes, as: UTF8.self)
            }
            return Array((line + "\n").utf8)
        }
    }

    /// Seconds with six decimals.
    static func microseconds(_ seconds: Double) -> String {
        let micros = Int64((max(0, seconds) * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
