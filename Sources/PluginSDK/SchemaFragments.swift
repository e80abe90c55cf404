/// JSON Schema snippets plugins compose into their route schemas.
public enum SchemaFragments {
    /// An integer that fits a PostgreSQL `integer` column (ids, user ids), so that no statement fails
    /// on its size: larger values are a 400 (`too_big`) from validation.
    public static let integerColumn = #"{"type":"integer","minimum":-2147483648,"maximum":2147483647}"#

    /// One such integer or several (a repeated query parameter such as `?userId=1&userId=2`).
    public static let integerColumnOrList = #"{"anyOf":[\#(integerColumn),{"type":"array","items":\#(integerColumn)}]}"#
}
