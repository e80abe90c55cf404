/// Numeric ids for checks that run before the query schema (`authorize:` hooks).
extension Request {
    /// The path parameter as an integer when it is written in plain decimal (surrounding spaces and
    /// a leading `+` allowed) and fits a PostgreSQL `integer` column, nil otherwise. Hooks that get
    /// nil leave the answer to the query schema (`"type":"integer"` coerces like zod's
    /// `z.coerce.number()`), so handlers must still apply their ownership rule themselves.
    public func numericPathParameter(_ name: String) -> Int64? {
        var text = Substring(pathParameter(name))
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        if text.first == "+" { text = text.dropFirst() }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        guard let value = Int64(text), value <= Int64(Int32.max) else { return nil }
        return value
    }
}
