/// Keeps API keys out of log lines.
///
/// Two rules, applied to everything calapi logs that a client or a plugin could have written:
/// the value of a query parameter whose name is `apiKey` in any case or spelling (`%61piKey`,
/// `api_key`, `APIKEY`) becomes `[redacted]`; and anywhere else, a run of 32 or more hexadecimal
/// digits (the secret part of every Cal.com key, whatever its prefix) and the token after `Bearer `
/// become `[redacted]` too.
enum LogRedaction {
    static let mark = "[redacted]"
    /// Longest request target kept in a line (after redaction), so a line stays one pipe write.
    static let maxTargetBytes = 2048

    /// `path` and `query` as logged: `apiKey` values redacted, then `scrub`bed and cut to `maxTargetBytes`.
    static func target(path: String, query: String) -> String {
        var text = path
        if !query.isEmpty {
            text += "?"
            var first = true
            for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
                if !first { text += "&" }
                first = false
                let name = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)[0]
                let rawName = Substring(query[name.startIndex..<name.endIndex])
                if pair.count > name.count && namesAPIKey(rawName) {
                    text += rawName + "=" + mark
                } else {
                    text += Substring(query[pair.startIndex..<pair.endIndex])
                }
            }
        }
        text = scrub(text)
        guard text.utf8.count > maxTargetBytes else { return text }
        return String(decoding: text.utf8.prefix(maxTargetBytes), as: UTF8.self) + "…"
    }

    /// `text` with every run of 32 or more hexadecimal digits, and every `Bearer` token, replaced by the mark.
    static func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard needsScrubbing(bytes) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let end = bearerTokenEnd(bytes, at: index) {
                out.append(contentsOf: bytes[index..<index + 7])
                out.append(contentsOf: mark.utf8)
                index = end
                continue
            }
            var run = index
            while run < bytes.count && isHex(bytes[run]) && (run == index || bearerTokenEnd(bytes, at: run) == nil) { run += 1 }
            if run - index >= 32 {
                out.append(contentsOf: mark.utf8)
                index = run
            } else if run > index {
                out.append(contentsOf: bytes[index..<run])
                index = run
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when a query parameter's name, percent-decoded and without case, `_` or `-`, is `apikey`.
    static func namesAPIKey(_ rawName: Substring) -> Bool {
        let decoded = PercentDecoding.decode(rawName, plusAsSpace: true) ?? String(rawName)
        let folded = decoded.lowercased().filter { $0 != "_" && $0 != "-" }
        return folded == "apikey"
    }

    private static func needsScrubbing(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for (index, byte) in bytes.enumerated() {
            run = isHex(byte) ? run + 1 : 0
            if run >= 32 || bearerTokenEnd(bytes, at: index) != nil { return true }
        }
        return false
    }

    /// Where the token ends when `bytes` has `Bearer ` (any case) followed by a token at `index`.
    private static func bearerTokenEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        let word = Array("bearer ".utf8)
        guard index + word.count < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "b") else { return nil }
        for offset in 0..<word.count where bytes[index + offset] | (offset == 6 ? 0 : 0x20) != word[offset] {
            return nil
        }
        var end = index + word.count
        while end < bytes.count && bytes[end] > 0x20 && bytes[end] != UInt8(ascii: "\"") { end += 1 }
        return end > index + word.count ? end : nil
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
