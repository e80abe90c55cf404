import PluginSDK

/// Every statement of the plugin. Schedules come back as JSON built by PostgreSQL with their
/// availability rows, times as `HH:mm:ss` (Cal.com's `schemaSchedulePublic`).
enum SchedulesSQL: StatementSet {
    case find, list, owned, insert, update, delete

    /// The public schedule object of the row aliased `s`, as compact JSON.
    static let scheduleJSON = """
        (SELECT row_to_json(p) FROM (SELECT s.id, s."userId", s.name, s."timeZone",
          (SELECT (\(SQLFragments.jsonArray(of: "row_to_json(a)", orderBy: "a.id")))::json FROM (
             SELECT av.id, av."eventTypeId", \(SQLFragments.isoDate("av.date")) AS date, COALESCE(av.days, '{}') AS days,
               \(SQLFragments.clockTime(#"av."startTime""#)) AS "startTime", \(SQLFragments.clockTime(#"av."endTime""#)) AS "endTime"
             FROM "Availability" av WHERE av."scheduleId" = s.id) a) AS availability) p)
        """

    var statement: Statement {
        let scheduleJSON = Self.scheduleJSON
        switch self {
        // $1 schedule id, $2 the only owner allowed (NULL for admins).
        case .find:
            return .read("""
                SELECT \(scheduleJSON) FROM "Schedule" s WHERE s.id = $1::int AND ($2::int IS NULL OR s."userId" = $2::int)
                """)

        // $1 the only owner allowed (NULL for admins), $2 userId filter (one or an array; an array
        // orders by user); one page: $3 LIMIT, $4 OFFSET.
        case .list:
            return .read(SQLFragments.jsonPage(scheduleJSON, table: #""Schedule""#, alias: "s", from: """
                "Schedule" s
                WHERE ($1::int IS NULL OR s."userId" = $1::int)
                  AND ($2::jsonb IS NULL OR s."userId" IN (\(SQLFragments.integers(ofJSON: "$2::jsonb"))))
                """, orderBy: #"CASE WHEN jsonb_typeof($2::jsonb) = 'array' THEN s."userId" END, s.id"#, limit: "$3", offset: "$4"))

        case .owned:
            return .read(#"SELECT 1 FROM "Schedule" WHERE id = $1::int AND "userId" = $2::int"#)

        // $1 body, $2 owner. The default availability: Monday to Friday, 09:00 to 17:00 (Cal.com's DEFAULT_SCHEDULE).
        case .insert:
            return .write("""
                WITH created AS (
                  INSERT INTO "Schedule" ("userId", name, "timeZone")
                  SELECT $2::int, btrim(b->>'name'), b->>'timeZone' FROM (SELECT $1::jsonb AS b) AS input
                  RETURNING id),
                rows AS (
                  INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime")
                  SELECT id, '{1,2,3,4,5}', TIME '09:00', TIME '17:00' FROM created)
                SELECT id FROM created
                """)

        // $1 id, $2 body, $3 the only owner allowed (NULL for admins). Moving a schedule to another
        // user clears the previous owner's default when it pointed here.
        case .update:
            return .write("""
                WITH old AS (
                  SELECT id, "userId" FROM "Schedule" WHERE id = $1::int AND ($3::int IS NULL OR "userId" = $3::int) FOR UPDATE),
                cleared AS (
                  UPDATE users u SET "defaultScheduleId" = NULL
                  FROM old, (SELECT $2::jsonb AS b) AS input
                  WHERE u.id = old."userId" AND u."defaultScheduleId" = old.id
                    AND b ? 'userId' AND (b->>'userId')::int <> old."userId")
                UPDATE "Schedule" AS s SET
                  name = CASE WHEN b ? 'name' THEN btrim(b->>'name') ELSE s.name END,
                  "timeZone" = CASE WHEN b ? 'timeZone' THEN b->>'timeZone' ELSE s."timeZone" END,
                  "userId" = COALESCE((b->>'userId')::int, s."userId")
                FROM old, (SELECT $2::jsonb AS b) AS input
                WHERE s.id = old.id
                RETURNING \(scheduleJSON)
                """)

        // $1 id, $2 the only owner allowed (NULL for admins). Users whose default it was lose it.
        case .delete:
            return .write("""
                WITH target AS (
                  DELETE FROM "Schedule" WHERE id = $1::int AND ($2::int IS NULL OR "userId" = $2::int) RETURNING id),
                cleared AS (
                  UPDATE users SET "defaultScheduleId" = NULL WHERE "defaultScheduleId" IN (SELECT id FROM target))
                SELECT count(*) FROM target
                """)
        }
    }
}
