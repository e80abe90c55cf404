/// Query filters that take one value or a repeated parameter (`?userId=1&userId=2`).
extension SQLFragments {
    /// The integers of a jsonb parameter holding one number or an array of numbers, as a
    /// sub-select usable in `IN (…)`; empty when the parameter is NULL.
    public static func integers(ofJSON parameter: String) -> String {
        """
        SELECT (e)::int FROM jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(\(parameter)) = 'array' THEN \(parameter) ELSE jsonb_build_array(\(parameter)) END) e
        WHERE \(parameter) IS NOT NULL
        """
    }

    /// `'[' || … || ']'`: a compact JSON array of the `json` values of a query, in `order`.
    public static func jsonArray(of json: String, orderBy order: String) -> String {
        "'[' || COALESCE(string_agg((\(json))::text, ',' ORDER BY \(order)), '') || ']'"
    }
}
