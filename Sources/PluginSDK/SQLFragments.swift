/// SQL snippets every plugin writes the same way, so Cal.com's JSON conventions hold everywhere.
/// They are constants composed at init into registered statements, never request data.
public enum SQLFragments {
    /// A `timestamp(3)` column (UTC, no zone) as JavaScript's `Date.toJSON()` prints it:
    /// `2024-05-01T09:30:00.000Z`, or NULL.
    public static func isoTimestamp(_ column: String) -> String {
        "to_char(\(column), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }
}
