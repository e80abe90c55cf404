/// The one availability computation of calapi: the statements that guard `POST /bookings` and
/// answer `GET /availability` share every line of it, so the two can never disagree. Each plugin
/// that needs them registers these texts as they are (`registrar.statement(name, AvailabilitySQL.slot)`).
///
/// Parameters of both: `$1` the organizer's user id, `$2` the event type id (or NULL), `$3` and
/// `$4` the instants bounding the period (ISO text or `timestamptz`). Time-zone arithmetic is done
/// by PostgreSQL, day by day in the schedule's zone, so DST changes are handled.
public enum AvailabilitySQL {
    /// The common CTEs.
    /// - `zone`: the schedule (event type's, else the user's default, else the user's first) and
    ///   its time zone (else the user's). A user without any schedule gets Cal.com's
    ///   `DEFAULT_SCHEDULE`: Monday to Friday, 09:00 to 17:00.
    /// - `rules`: its `Availability` rows; those with a `date` replace that day's weekday hours.
    /// - `bookable`: the open hours of the period in UTC, merged, and never earlier than now plus
    ///   the event type's minimum booking notice.
    /// - `busy`: the organizer's accepted bookings overlapping the period, each widened by its own
    ///   event type's buffers and by the requested event type's buffers (so a slot is free exactly
    ///   when it overlaps no `busy` entry); `seated` counts the attendees of a booking of the
    ///   requested seated event type.
    static let context = """
        WITH et AS (
          SELECT e.id, e."scheduleId", e."minimumBookingNotice", e."beforeEventBuffer", e."afterEventBuffer", e."seatsPerTimeSlot"
          FROM "EventType" e WHERE e.id = $2::int),
        person AS (SELECT u.id, u."timeZone", u."defaultScheduleId" FROM users u WHERE u.id = $1::int),
        chosen AS (
          SELECT COALESCE((SELECT s.id FROM et JOIN "Schedule" s ON s.id = et."scheduleId"),
                          (SELECT s.id FROM person p JOIN "Schedule" s ON s.id = p."defaultScheduleId" AND s."userId" = p.id),
                          (SELECT min(s.id) FROM person p JOIN "Schedule" s ON s."userId" = p.id)) AS id),
        zone AS (
          SELECT COALESCE(s."timeZone", p."timeZone", 'Europe/London') AS tz, c.id AS "scheduleId"
          FROM person p CROSS JOIN chosen c LEFT JOIN "Schedule" s ON s.id = c.id),
        rules AS (
          SELECT a.days, a."startTime", a."endTime", a.date FROM chosen c JOIN "Availability" a ON a."scheduleId" = c.id
          UNION ALL
          SELECT ARRAY[1,2,3,4,5], TIME '09:00', TIME '17:00', NULL::date FROM chosen c WHERE c.id IS NULL),
        period AS (SELECT $3::timestamptz AT TIME ZONE 'UTC' AS "from", $4::timestamptz AT TIME ZONE 'UTC' AS "to"),
        days AS (
          SELECT g::date AS day
          FROM zone z, generate_series((($3::timestamptz AT TIME ZONE z.tz)::date - 1)::timestamp,
                                       ($4::timestamptz AT TIME ZONE z.tz)::date::timestamp, interval '1 day') g),
        open AS (
          SELECT range_agg(tsrange(((d.day + r."startTime") AT TIME ZONE z.tz) AT TIME ZONE 'UTC',
                                   ((d.day + r."endTime") AT TIME ZONE z.tz) AT TIME ZONE 'UTC')) AS hours
          FROM days d CROSS JOIN zone z
          JOIN rules r ON CASE WHEN EXISTS (SELECT 1 FROM rules o WHERE o.date = d.day) THEN r.date = d.day
                               ELSE r.date IS NULL AND EXTRACT(dow FROM d.day)::int = ANY (r.days) END
          WHERE r."endTime" > r."startTime"),
        earliest AS (
          SELECT GREATEST(p."from", (now() AT TIME ZONE 'UTC')
                          + make_interval(mins => COALESCE((SELECT "minimumBookingNotice" FROM et), 0))) AS "from", p."to"
          FROM period p),
        bookable AS (
          SELECT COALESCE(o.hours, '{}'::tsmultirange) * tsmultirange(tsrange(e."from", GREATEST(e."from", e."to"))) AS ranges
          FROM open o, earliest e),
        busy AS (
          SELECT w.* FROM (
            SELECT b.id, b.uid, b."startTime",
                   b."startTime" - make_interval(mins => COALESCE(own."beforeEventBuffer", 0) + COALESCE(et."afterEventBuffer", 0)) AS "from",
                   b."endTime" + make_interval(mins => COALESCE(own."afterEventBuffer", 0) + COALESCE(et."beforeEventBuffer", 0)) AS "to",
                   CASE WHEN et."seatsPerTimeSlot" IS NOT NULL AND b."eventTypeId" = et.id
                        THEN (SELECT count(*) FROM "Attendee" a WHERE a."bookingId" = b.id) END AS seated
            FROM "Booking" b LEFT JOIN "EventType" own ON own.id = b."eventTypeId" LEFT JOIN et ON true
            WHERE b."userId" = $1::int AND b.status = 'accepted') w, period p
          WHERE w."from" < p."to" AND w."to" > p."from")
        """

    /// The verdict on the slot [`$3`, `$4`): `free`, `unavailable` (outside the open hours or inside
    /// the minimum notice), `conflict` (overlaps a busy entry other than the seated booking that
    /// starts with it) or `seats_full`; and that seated booking's id, if any (book a seat in it).
    public static let slot = context + """

        SELECT CASE WHEN NOT (bk.ranges @> tsrange(p."from", p."to")) THEN 'unavailable'
                    WHEN seat.id IS NOT NULL AND seat.seated >= (SELECT "seatsPerTimeSlot" FROM et) THEN 'seats_full'
                    WHEN EXISTS (SELECT 1 FROM busy WHERE busy.id IS DISTINCT FROM seat.id) THEN 'conflict'
                    ELSE 'free' END,
               seat.id
        FROM bookable bk CROSS JOIN period p
        LEFT JOIN LATERAL (SELECT busy.id, busy.seated FROM busy
                           WHERE busy.seated IS NOT NULL AND busy."startTime" = p."from" ORDER BY busy.id LIMIT 1) seat ON true
        """

    /// The hosts of the event type aliased `alias`, as `POST /bookings` places a booking with them:
    /// its owner, else its team's hosts; comma-separated ids, lowest first (NULL when it has none).
    public static func hostList(_ alias: String) -> String {
        """
        COALESCE(\(alias)."userId"::text,
                 (SELECT string_agg(h."userId"::text, ',' ORDER BY h."userId") FROM "Host" h WHERE h."eventTypeId" = \(alias).id))
        """
    }

    /// The start times `slot` accepts within the period [`$3`, `$4`), one row each in time order,
    /// for a booking of `$5` minutes (NULL, non-positive, or a length the event type does not offer
    /// in `metadata.multipleDuration`: its own `length`). Starts step by the event type's
    /// `slotInterval` (else the duration) from the beginning of each stretch of bookable hours,
    /// rounded up to that step within the hour of the schedule's zone, as Cal.com's slot builder
    /// does. A start is kept exactly when `slot` would answer `free` for it: inside the bookable
    /// hours, overlapping no busy entry but the seated booking that starts with it, whose seats are
    /// not all taken. Columns: the day of the start in zone `$6` (UTC when NULL) as `YYYY-MM-DD`;
    /// the start as Cal.com prints it (`toISOString()` without `$6`, dayjs's `format()` in `$6`);
    /// the seated booking's attendee count and uid (NULL unless there is one); the start in seconds
    /// since the epoch, to merge the slots of several hosts.
    public static let slots = context + """
        ,
        offered_length AS (
          SELECT CASE WHEN $5::int > 0 AND ($5::int = e.length
                        OR COALESCE(e.metadata->'multipleDuration', '[]'::jsonb) @> to_jsonb($5::int)) THEN $5::int
                      ELSE e.length END AS minutes, e."slotInterval"
          FROM "EventType" e WHERE e.id = $2::int),
        step AS (
          SELECT make_interval(mins => l.minutes) AS duration,
                 COALESCE(NULLIF(l."slotInterval", 0), l.minutes) AS every
          FROM offered_length l WHERE l.minutes > 0),
        stretch AS (
          SELECT lower(g) AS "from", upper(g) AS "to", (lower(g) AT TIME ZONE 'UTC') AT TIME ZONE z.tz AS local, z.tz
          FROM bookable, unnest(bookable.ranges) g, zone z),
        starts AS (
          SELECT g AS start, st.duration
          FROM stretch s CROSS JOIN step st
          CROSS JOIN LATERAL (
            SELECT CASE WHEN EXTRACT(epoch FROM s.local - date_trunc('minute', s.local)) = 0
                          AND EXTRACT(minute FROM s.local)::int % st.every = 0 THEN s."from"
                        ELSE ((date_trunc('hour', s.local)
                               + make_interval(mins => (ceil((EXTRACT(epoch FROM s.local - date_trunc('hour', s.local)) / 60) / st.every)
                                                        * st.every)::int))
                              AT TIME ZONE s.tz) AT TIME ZONE 'UTC' END AS first) a
          CROSS JOIN LATERAL generate_series(a.first, s."to" - st.duration, make_interval(mins => st.every)) g),
        offered AS (
          SELECT st.start, seat.seated, seat.uid
          FROM starts st
          LEFT JOIN LATERAL (SELECT busy.id, busy.uid, busy.seated FROM busy
                             WHERE busy.seated IS NOT NULL AND busy."startTime" = st.start ORDER BY busy.id LIMIT 1) seat ON true
          WHERE (seat.id IS NULL OR seat.seated < (SELECT "seatsPerTimeSlot" FROM et))
            AND NOT EXISTS (SELECT 1 FROM busy WHERE busy.id IS DISTINCT FROM seat.id
                              AND busy."from" < st.start + st.duration AND busy."to" > st.start)),
        shown AS (
          SELECT o.*, CASE WHEN $6::text IS NULL THEN o.start ELSE (o.start AT TIME ZONE 'UTC') AT TIME ZONE $6::text END AS local
          FROM offered o)
        SELECT to_char(s.local, 'YYYY-MM-DD'),
               CASE WHEN $6::text IS NULL THEN \(SQLFragments.isoTimestamp("s.start"))
                    ELSE to_char(s.local, 'YYYY-MM-DD"T"HH24:MI:SS')
                         || CASE WHEN s.local < s.start THEN '-' ELSE '+' END
                         || to_char(make_interval(secs => abs(EXTRACT(epoch FROM s.local - s.start))), 'HH24:MI') END,
               s.seated, s.uid, EXTRACT(epoch FROM s.start)::bigint
        FROM shown s ORDER BY s.start
        """

    /// The availability object of `GET /availability` (core.md §8.1) for the period, or NULL when
    /// the period ends before it starts: `busy` (seated bookings with seats left are listed in
    /// `currentSeats` instead), `timeZone`, `dateRanges` (the bookable hours, what `slot` accepts),
    /// `workingHours` (minutes from midnight in `timeZone`), `dateOverrides`, `currentSeats`
    /// (null unless the event type has seats).
    public static let report = context + """

        SELECT CASE WHEN p."from" <= p."to" THEN row_to_json(r)::text END
        FROM period p, (SELECT
          ('[' || COALESCE((SELECT string_agg(row_to_json(x)::text, ',' ORDER BY x.start, x."end") FROM (
              SELECT \(SQLFragments.isoTimestamp("busy.\"from\"")) AS start, \(SQLFragments.isoTimestamp("busy.\"to\"")) AS "end"
              FROM busy WHERE busy.seated IS NULL OR busy.seated >= (SELECT "seatsPerTimeSlot" FROM et)) x), '') || ']')::json AS busy,
          (SELECT tz FROM zone) AS "timeZone",
          ('[' || COALESCE((SELECT string_agg(row_to_json(x)::text, ',' ORDER BY x.start) FROM (
              SELECT \(SQLFragments.isoTimestamp("lower(g)")) AS start, \(SQLFragments.isoTimestamp("upper(g)")) AS "end"
              FROM bookable, unnest(bookable.ranges) g) x), '') || ']')::json AS "dateRanges",
          ('[' || COALESCE((SELECT string_agg(row_to_json(x)::text, ',' ORDER BY x."startTime", x."endTime", x.days::text) FROM (
              SELECT rules.days, (EXTRACT(epoch FROM rules."startTime") / 60)::int AS "startTime",
                     (EXTRACT(epoch FROM rules."endTime") / 60)::int AS "endTime", $1::int AS "userId"
              FROM rules WHERE rules.date IS NULL) x), '') || ']')::json AS "workingHours",
          ('[' || COALESCE((SELECT string_agg(row_to_json(x)::text, ',' ORDER BY x.start) FROM (
              SELECT \(SQLFragments.isoTimestamp("((rules.date + rules.\"startTime\") AT TIME ZONE z.tz) AT TIME ZONE 'UTC'")) AS start,
                     \(SQLFragments.isoTimestamp("((rules.date + rules.\"endTime\") AT TIME ZONE z.tz) AT TIME ZONE 'UTC'")) AS "end"
              FROM rules, zone z WHERE rules.date IN (SELECT day FROM days)) x), '') || ']')::json AS "dateOverrides",
          CASE WHEN (SELECT "seatsPerTimeSlot" FROM et) IS NOT NULL THEN
            ('[' || COALESCE((SELECT string_agg(row_to_json(x)::text, ',' ORDER BY x."startTime", x.uid) FROM (
                SELECT busy.uid, \(SQLFragments.isoTimestamp("busy.\"startTime\"")) AS "startTime",
                       (SELECT row_to_json(c) FROM (SELECT busy.seated AS attendees) c) AS "_count"
                FROM busy WHERE busy.seated IS NOT NULL) x), '') || ']')::json END AS "currentSeats") r
        """
}
