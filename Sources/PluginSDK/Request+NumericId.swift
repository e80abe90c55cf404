/// Path ids read the way Cal.com's `schemaQueryIdParseInt` did (`z.coerce.number()`): the whole
/// text must be a number, unlike the lenient `parseInt` of `lenientIntParameter`.
extension Request {
    /// The parameter as an integer; on failure answers 400
    /// `invalid_type in '<name>': Expected number, received nan` and returns nil.
    public func numericIdParameter(_ name: String) -> Int64? {
        let text = pathParameter(name).trimmingWhitespace
        if let value = Int64(text) { return value }
        error(400, "invalid_type in '\(name)': Expected number, received nan")
        return nil
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace (what JavaScript's `Number()` ignores).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
