/// JSON Schema snippets plugins compose into their route schemas.
public enum SchemaFragments {
    /// An integer that fits a PostgreSQL `integer` column (ids, user ids), so that no statement fails
    /// on its size: larger values are a 400 (`too_big`) from validation.
    public static let integerColumn = #"{"type":"integer","minimum":-2147483648,"maximum":2147483647}"#

    /// One such integer or several (a repeated query parameter such as `?userId=1&userId=2`).
    public static let integerColumnOrList = #"{"anyOf":[\#(integerColumn),{"type":"array","items":\#(integerColumn)}]}"#

    /// The `take` and `page` properties of every list's query schema (splice into `"properties":{…}`).
    /// Cal.com's zod pagination: integers from 1, no maximum in the schema; the handler's
    /// `listWindow` refuses a `take` above `limits.max_page_size` with a message naming it.
    public static let pagination = #"""
        "take":{"type":"integer","minimum":1,"description":"rows per page, at most the server's limits.max_page_size"},\#
        "page":{"type":"integer","minimum":1,"description":"page number from 1, with take"}
        """#
}
