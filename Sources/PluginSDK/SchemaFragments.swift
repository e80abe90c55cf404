/// JSON Schema snippets plugins compose into their route schemas.
public enum SchemaFragments {
    /// An integer that fits a PostgreSQL `integer` column (ids, user ids), so that no statement fails
    /// on its size: larger values are a 400 (`too_big`) from validation.
    public static let integerColumn = #"{"type":"integer","minimum":-2147483648,"maximum":2147483647}"#

    /// An integer a statement casts to PostgreSQL's `integer` (`::int`): validated as any integer,
    /// as Cal.com's zod did (PostgreSQL refuses a larger one: 400), with the column's range in the document.
    public static let integerCast = #"{"type":"integer","x-document":{"minimum":-2147483648,"maximum":2147483647}}"#

    /// One such integer or several (a repeated query parameter such as `?userId=1&userId=2`).
    public static let integerColumnOrList = #"{"anyOf":[\#(integerColumn),{"type":"array","items":\#(integerColumn)}]}"#

    /// A query parameter the handler reads as integers itself (`Request.lenientIntList`, with its
    /// own message, `Not a number`), given once or repeated: text to validation, decimal integers
    /// in the document. `allowingEmpty`: an empty single value counts as absent (Cal.com's truthiness check).
    public static func integerTextOrList(allowingEmpty: Bool = false) -> String {
        let integer = "-?[0-9]{1,9}"
        let single = allowingEmpty ? "^(\(integer))?$" : "^\(integer)$"
        return #"{"anyOf":[{"type":"string","x-document":{"pattern":"\#(single)"}},{"type":"array","items":{"type":"string","x-document":{"pattern":"^\#(integer)$"}}}]}"#
    }

    /// A string the handler parses as a date (with its own message), documented as an ISO date-time.
    public static let handlerDateTime = #"{"type":"string","x-document":{"format":"date-time"}}"#

    /// The `take` and `page` properties of every list's query schema (splice into `"properties":{…}`):
    /// Cal.com's zod pagination, integers from 1. The handler's `listWindow` refuses a `take` above
    /// `limits.max_page_size` with a message naming it; the document states that maximum.
    public static var pagination: String { pagination(maximum: Limits.maxPageSize, limitName: "max_page_size") }

    /// The same, for a list bounded by another limit (`limits.<limitName>`).
    public static func pagination(maximum: Int64, limitName: String) -> String {
        #"""
        "take":{"type":"integer","minimum":1,"x-document":{"maximum":\#(maximum)},"description":"rows per page, at most \#(maximum) (the server's limits.\#(limitName))"},\#
        "page":{"type":"integer","minimum":1,"description":"page number from 1, with take"}
        """#
    }

    /// `text` as a JSON string literal (quotes and backslashes escaped), for splicing into a schema.
    public static func quoted(_ text: String) -> String {
        var literal = "\""
        for character in text {
            if character == "\\" || character == "\"" { literal.append("\\") }
            literal.append(character)
        }
        return literal + "\""
    }
}
