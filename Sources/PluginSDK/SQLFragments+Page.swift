/// Lists cut into pages inside PostgreSQL, so no statement ever aggregates more rows than one answer holds.
extension SQLFragments {
    /// One page of a list as two columns: the number of rows on the page, and their JSON array text.
    ///
    /// The ids of `source` (a `FROM … [WHERE …]` text in which the listed table is `alias`) are
    /// sorted by `order` and cut by `LIMIT limit OFFSET offset` (parameter texts such as `$2`)
    /// before any row is read whole: skipping rows walks an index, and `element` (a json expression
    /// over `alias` and the tables of `joining`) is built only for the page. `order` must end with a
    /// unique key, so that pages neither repeat nor miss rows.
    ///
    /// ```swift
    /// SQLFragments.jsonPage(inputJSON, table: #""EventTypeCustomInput""#, alias: "c",
    ///                       from: #""EventTypeCustomInput" c WHERE …"#, orderBy: "c.id", limit: "$2", offset: "$3")
    /// ```
    public static func jsonPage(_ element: String, table: String, alias: String, from source: String, orderBy order: String,
                                joining: String = "", limit: String, offset: String) -> String {
        """
        SELECT count(*), \(jsonArray(of: element, orderBy: order))
        FROM (SELECT \(alias).id FROM \(source) ORDER BY \(order) LIMIT \(limit)::bigint OFFSET \(offset)::bigint) page
        JOIN \(table) \(alias) ON \(alias).id = page.id\(joining.isEmpty ? "" : " " + joining)
        """
    }
}
