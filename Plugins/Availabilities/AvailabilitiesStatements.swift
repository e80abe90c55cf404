import PluginSDK

/// Every statement of the plugin. Rows come back as Cal.com printed Prisma's values: times as
/// ISO date-times on 1970-01-01, dates at UTC midnight, plus the owning schedule's `userId`.
enum AvailabilitiesSQL: StatementSet {
    case find, owned, scheduleOwned, insert, update, delete

    /// The public availability object of the row aliased `a`, as compact JSON.
    static let availabilityJSON = """
        (SELECT row_to_json(p) FROM (SELECT a.id,
          \(SQLFragments.isoTime(#"a."startTime""#)) AS "startTime", \(SQLFragments.isoTime(#"a."endTime""#)) AS "endTime",
          \(SQLFragments.isoDate("a.date")) AS date, a."scheduleId", COALESCE(a.days, '{}') AS days,
          (SELECT row_to_json(o) FROM (SELECT sc."userId" FROM "Schedule" sc WHERE sc.id = a."scheduleId") o) AS "Schedule") p)
        """

    /// The row aliased `a` belongs to a schedule of user `$n` (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::int IS NULL OR EXISTS (SELECT 1 FROM "Schedule" sc WHERE sc.id = a."scheduleId" AND sc."userId" = \#(parameter)::int))"#
    }

    /// The days of body `b`, always a list (Prisma writes `{}` when none are given).
    private static let days = "ARRAY(SELECT (d)::int FROM jsonb_array_elements_text(b->'days') d)"

    var statement: Statement {
        let availabilityJSON = Self.availabilityJSON
        let days = Self.days
        switch self {
        // $1 id, $2 the only schedule owner allowed (NULL for admins).
        case .find:
            return .read(#"SELECT \#(availabilityJSON) FROM "Availability" a WHERE a.id = $1::int AND \#(Self.visible(to: "$2"))"#)

        case .owned:
            return .read(#"SELECT 1 FROM "Availability" a WHERE a.id = $1::int AND \#(Self.visible(to: "$2"))"#)

        case .scheduleOwned:
            return .read(#"SELECT 1 FROM "Schedule" WHERE id = $1::int AND "userId" = $2::int"#)

        case .insert:
            return .write("""
                INSERT INTO "Availability" AS a ("scheduleId", days, "startTime", "endTime", date)
                SELECT (b->>'scheduleId')::int, \(days),
                  \(SQLFragments.utcTime("b->>'startTime'")), \(SQLFragments.utcTime("b->>'endTime'")),
                  CASE WHEN b ? 'date' THEN \(SQLFragments.utcDate("b->>'date'")) END
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \(availabilityJSON)
                """)

        // $1 id, $2 body, $3 the only schedule owner allowed (NULL for admins).
        case .update:
            return .write("""
                UPDATE "Availability" AS a SET
                  "startTime" = CASE WHEN b ? 'startTime' THEN \(SQLFragments.utcTime("b->>'startTime'")) ELSE a."startTime" END,
                  "endTime" = CASE WHEN b ? 'endTime' THEN \(SQLFragments.utcTime("b->>'endTime'")) ELSE a."endTime" END,
                  days = CASE WHEN b ? 'days' THEN \(days) ELSE a.days END,
                  date = CASE WHEN b ? 'date' THEN \(SQLFragments.utcDate("b->>'date'")) ELSE a.date END
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE a.id = $1::int AND \(Self.visible(to: "$3"))
                RETURNING \(availabilityJSON)
                """)

        case .delete:
            return .write(
                #"DELETE FROM "Availability" a WHERE a.id = $1::int AND \#(Self.visible(to: "$2"))"#)
        }
    }
}
