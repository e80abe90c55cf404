/// A strict RFC 8259 JSON parser working directly on bytes.
///
/// Numbers without fraction or exponent that fit in `Int64` become `.int`, all others `.double`
/// (overflowing exponents give infinity, as in JavaScript). A key repeated in one object keeps
/// its first position and its last value, like `JSON.parse`. Escaped lone surrogates become
/// U+FFFD because Swift strings cannot hold them.
///
/// Refused with a `JSONParseError`: trailing garbage, invalid UTF-8, nesting deeper than
/// `maxDepth`, `NaN`/`Infinity`, leading zeros, raw control characters inside strings, and any
/// other deviation from the grammar.
///
/// ```swift
/// let body = try JSONParser.parse(requestBytes)
/// ```
enum JSONParser {
    /// Parses one JSON document that must fill `bytes` (surrounding whitespace allowed).
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 encoded JSON text.
    ///   - maxDepth: how many arrays/objects may be nested; it also bounds the parser's recursion.
    /// - Throws: `JSONParseError`.
    static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(input: buffer, maxDepth: maxDepth)
            return try reader.readDocument()
        }
    }
}
