/// What a plugin's SQL may not do, checked once when the statement is registered.
///
/// The scan is lexical: it skips string literals and comments, collects quoted identifiers and
/// bare words, and refuses: more than one statement; transaction control (the host owns
/// transactions); any table or column on the sensitive list (API keys, credentials, webhooks,
/// password hashes, tokens — never exposed by calapi, whatever the config says); Unicode-escaped
/// (`U&`) identifiers and strings, which spell names this scan cannot read; PostgreSQL's functions
/// that run SQL given as text (`query_to_xml` and its family, `ts_stat`, `ts_rewrite`, dblink's);
/// temporary tables and `set_config`, which would change what other statements of the session see;
/// and a statement that writes while declared read-only.
///
/// It is a fast first refusal, not the boundary: a whole-row reference (`row_to_json(u) FROM
/// users u`) or an extension's function that runs SQL text passes it. PostgreSQL is the boundary:
/// `calapi serve` connects as a role that cannot read what this list names (`DatabaseRole`).
enum StatementPolicy {
    /// Tables, columns and functions no plugin statement may name (quoted, as Cal.com's schema spells them).
    static let sensitiveNames = Set(SensitiveData.tables + [
        "hashedKey", "twoFactorSecret", "backupCodes", "password", DatabaseRole.lookupFunction, Migrator.rateLimitTable,
    ])

    /// Words (lower case) that run SQL text, or change the session for the statements that follow.
    private static let sessionAndDynamicSQLWords: Set<String> = [
        "ts_stat", "ts_rewrite", "set_config", "temp", "temporary", "pg_temp",
    ]

    private static let transactionWords: Set<String> = ["begin", "commit", "rollback", "savepoint", "release", "abort", "start", "end"]
    private static let writeWords: Set<String> = ["insert", "update", "delete", "merge", "truncate"]
    private static let ddlWords: Set<String> = ["create", "drop", "alter", "grant", "revoke", "copy", "set", "reset", "lock", "vacuum", "do", "call"]

    /// The reason the statement is refused, or nil when it is acceptable.
    static func violation(in sql: String, declaredWrites: Bool) -> String? {
        let tokens = SQLTokens(sql)
        if tokens.statementCount > 1 { return "it holds more than one statement" }
        guard let first = tokens.words.first else { return "it is empty" }
        if transactionWords.contains(first) { return "transaction control belongs to the host" }
        if ddlWords.contains(first) { return "only SELECT, INSERT, UPDATE, DELETE and WITH statements are allowed" }
        if let name = tokens.quoted.first(where: sensitiveNames.contains) {
            return "it names \"\(name)\", which calapi never exposes"
        }
        if let name = tokens.words.first(where: { word in sensitiveNames.contains { $0.lowercased() == word } }) {
            return "it names \(name), which calapi never exposes"
        }
        if tokens.hasUnicodeEscapes {
            return "it uses a U& (Unicode-escaped) identifier or string"
        }
        if let word = tokens.words.first(where: { sessionAndDynamicSQLWords.contains($0) || $0.contains("_to_xml") || $0.hasPrefix("dblink") }) {
            return "it uses \(word), which runs SQL text or changes the session"
        }
        if !declaredWrites, tokens.words.contains(where: writeWords.contains) {
            return "it writes but is declared read-only"
        }
        return nil
    }
}

/// A lexical pass over SQL: bare words (lower-cased), quoted identifiers, the statement count, and
/// whether a `U&` prefix appears.
struct SQLTokens {
    private(set) var words: [String] = []
    private(set) var quoted: [String] = []
    private(set) var statementCount = 0
    private(set) var hasUnicodeEscapes = false

    init(_ sql: String) {
        let bytes = Array(sql.utf8)
        var index = 0
        var sawContent = false
        func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"):
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if at(index + 1) == UInt8(ascii: "'") { index += 2; continue }
                        break
                    }
                    index += 1
                }
                index += 1
                sawContent = true
            case UInt8(ascii: "\""):
                var name: [UInt8] = []
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\"") {
                        if at(index + 1) == UInt8(ascii: "\"") { name.append(bytes[index]); index += 2; continue }
                        break
                    }
                    name.append(bytes[index])
                    index += 1
                }
                index += 1
                quoted.append(String(decoding: name, as: UTF8.self))
                sawContent = true
            case UInt8(ascii: "-") where at(index + 1) == UInt8(ascii: "-"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                index += 2
                while index < bytes.count && !(bytes[index] == UInt8(ascii: "*") && at(index + 1) == UInt8(ascii: "/")) { index += 1 }
                index += 2
            case UInt8(ascii: "$") where at(index + 1) == UInt8(ascii: "$"):
                // Dollar-quoted bodies are refused outright: they only serve DO blocks and functions.
                statementCount = 2
                return
            case UInt8(ascii: ";"):
                if sawContent { statementCount += 1 }
                sawContent = false
                index += 1
            default:
                if SQLTokens.isWordByte(byte) {
                    let start = index
                    if byte | 0x20 == UInt8(ascii: "u") && at(index + 1) == UInt8(ascii: "&")
                        && (at(index + 2) == UInt8(ascii: "\"") || at(index + 2) == UInt8(ascii: "'")) {
                        hasUnicodeEscapes = true
                    }
                    while index < bytes.count && (SQLTokens.isWordByte(bytes[index]) || (bytes[index] >= 48 && bytes[index] <= 57)) { index += 1 }
                    words.append(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
                    sawContent = true
                } else {
                    if byte > 32 { sawContent = true }
                    index += 1
                }
            }
        }
        if sawContent { statementCount += 1 }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95
    }
}
