/// One statement parameter. Every value travels to PostgreSQL in text format, so the server
/// parses it for the parameter's type exactly as it would parse a literal; SQL NULL is `.null`.
enum PGParam {
    case null
    case text(String)
    /// UTF-8 text given as bytes, for values that already sit in a buffer (a request body).
    case bytes([UInt8])

    /// An integer in PostgreSQL's text form; nil becomes NULL.
    static func int(_ value: Int?) -> PGParam {
        value.map { .text(String($0)) } ?? .null
    }

    /// A boolean in PostgreSQL's text form (`t`/`f`); nil becomes NULL.
    static func bool(_ value: Bool?) -> PGParam {
        value.map { .text($0 ? "t" : "f") } ?? .null
    }
}
