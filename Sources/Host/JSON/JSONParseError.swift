/// Why a byte string is not a JSON document.
///
/// `message` reads like JavaScript's `SyntaxError` from `JSON.parse` (for example
/// `Unexpected token } in JSON at position 12`); the position in the message counts UTF-16 code
/// units as JavaScript does, while `offset` is the byte offset into the input.
struct JSONParseError: Error, Equatable {
    /// The JavaScript-style description.
    var message: String
    /// The byte offset where parsing stopped.
    var offset: Int
}
