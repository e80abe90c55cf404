// Error construction for `JSONReader`, worded like V8's `JSON.parse` messages.

extension JSONReader {
    /// "Unexpected end of JSON input", as V8 reports truncated documents.
    func endOfInput() -> JSONParseError {
        JSONParseError(message: "Unexpected end of JSON input", offset: input.count)
    }

    /// The error for a byte that cannot start or continue the current production.
    ///
    /// V8 names strings and numbers as tokens of their own; other characters are quoted as they are.
    func unexpected(at offset: Int) -> JSONParseError {
        let byte = input[offset]
        switch byte {
        case UInt8(ascii: "\""):
            return error("Unexpected string", at: offset)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return error("Unexpected number", at: offset)
        case 0..<0x80:
            return error("Unexpected token \(Character(Unicode.Scalar(byte)))", at: offset)
        default:
            let length = UTF8Validation.validSequenceLength(input, at: offset)
            guard length > 0 else {
                return error("Invalid UTF-8", at: offset)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[offset..<offset + length]), as: UTF8.self)
            return error("Unexpected token \(text)", at: offset)
        }
    }

    /// An error whose message ends with V8's "in JSON at position N" (N in UTF-16 code units).
    func error(_ text: String, at offset: Int) -> JSONParseError {
        let position = UTF8Validation.utf16Length(UnsafeBufferPointer(rebasing: input[0..<offset]))
        return JSONParseError(message: "\(text) in JSON at position \(position)", offset: offset)
    }
}
