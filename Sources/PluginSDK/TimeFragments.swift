/// How Cal.com v1 prints `time` and `date` columns. Prisma hands both to JavaScript as `Date`
/// objects in UTC (a `time` on 1970-01-01, a `date` at midnight), so `JSON.stringify` prints full
/// ISO date-times; a few schemas reformat times as `HH:mm:ss` with dayjs in UTC.
extension SQLFragments {
    /// A `time` column as JSON prints Prisma's Date: `1970-01-01T09:00:00.000Z`, or NULL.
    public static func isoTime(_ column: String) -> String {
        "to_char(DATE '1970-01-01' + \(column), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }

    /// A `time` column as dayjs's `format("HH:mm:ss")`: `09:00:00`, or NULL.
    public static func clockTime(_ column: String) -> String {
        "to_char(\(column), 'HH24:MI:SS')"
    }

    /// A `date` column as JSON prints Prisma's Date: `2024-05-01T00:00:00.000Z`, or NULL.
    public static func isoDate(_ column: String) -> String {
        "to_char(\(column), 'YYYY-MM-DD\"T00:00:00.000Z\"')"
    }

    /// A text expression holding an ISO date-time (`1970-01-01T09:00:00Z`) or a clock time (`09:00`,
    /// `09:00:00`, read as UTC), as the `time` Prisma stores for it: the UTC time of day. One cast
    /// path only, so PostgreSQL never folds a cast of the other form.
    public static func utcTime(_ text: String) -> String {
        "((CASE WHEN (\(text)) ~ '^\\d\\d:\\d\\d' THEN '1970-01-01T' || (\(text)) || 'Z' ELSE (\(text)) END)::timestamptz AT TIME ZONE 'UTC')::time"
    }

    /// A text expression holding an ISO date-time or a `YYYY-MM-DD` date (read as UTC midnight), as
    /// the `date` Prisma stores for it: the UTC calendar day.
    public static func utcDate(_ text: String) -> String {
        "((CASE WHEN (\(text)) ~ '^\\d{4}-\\d\\d-\\d\\d$' THEN (\(text)) || 'T00:00:00Z' ELSE (\(text)) END)::timestamptz AT TIME ZONE 'UTC')::date"
    }
}
