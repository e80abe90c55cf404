extension SQLFragments {
    /// Cal.com's `slugify` of a text expression: lower-cased, trimmed, every run of characters other
    /// than `a-z`/`0-9` turned into one `-`, and no `-` at either end.
    public static func slugify(_ expression: String) -> String {
        "trim(both '-' from regexp_replace(lower(trim(\(expression))), '[^a-z0-9]+', '-', 'g'))"
    }

    /// A JSON array text built from `element` (a json expression over the rows of `from`), ordered
    /// by `orderBy`; `[]` when there are no rows. Compact, unlike `json_agg`.
    public static func jsonArray(_ element: String, orderBy: String, from: String) -> String {
        "(SELECT \(jsonArray(of: element, orderBy: orderBy)) FROM \(from))"
    }
}
