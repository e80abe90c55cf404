import PluginSDK

/// Every read and edit statement of the plugin (creation lives in `BookingCreationStatements`).
enum BookingsStatements {
    static var access = Statement.unset
    static var find = Statement.unset
    static var listOwn = Statement.unset
    static var listAll = Statement.unset
    static var listForUsers = Statement.unset
    static var update = Statement.unset
    static var lockStatus = Statement.unset
    static var cancel = Statement.unset
    static var confirm = Statement.unset

    /// A JSON parameter holding one value or an array of them, as a set of texts.
    private static func elements(_ param: String) -> String {
        "jsonb_array_elements_text(CASE WHEN jsonb_typeof(\(param)::jsonb) = 'array' THEN \(param)::jsonb ELSE jsonb_build_array(\(param)::jsonb) END)"
    }

    /// The `GET /bookings` filters shared by every scope: $1 attendee emails, $2 dateFrom,
    /// $3 dateTo, $4 upcoming only. Cal.com lower-cases the given emails, not the stored ones.
    private static let filters = """
        ($1::jsonb IS NULL OR EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b.id
                                      AND a.email = ANY (ARRAY(SELECT lower(e) FROM \(elements("$1")) e))))
        AND ($2::timestamptz IS NULL OR b."startTime" >= ($2::timestamptz AT TIME ZONE 'UTC'))
        AND ($3::timestamptz IS NULL OR b."endTime" <= ($3::timestamptz AT TIME ZONE 'UTC'))
        AND (NOT $4::boolean OR b."startTime" >= (now() AT TIME ZONE 'UTC'))
        """

    /// $5 sortBy (`createdAt`, `updatedAt` or NULL), $6 order; ties and the unsorted case by id.
    private static let order = """
        CASE WHEN $6::text = 'desc' THEN NULL
             ELSE CASE $5::text WHEN 'createdAt' THEN b."createdAt" WHEN 'updatedAt' THEN b."updatedAt" END END ASC,
        CASE WHEN $6::text = 'desc'
             THEN CASE $5::text WHEN 'createdAt' THEN b."createdAt" WHEN 'updatedAt' THEN b."updatedAt" END END DESC,
        b.id
        """

    /// One page ($7 LIMIT, NULL for all; $8 OFFSET) of the bookings in `scope`, as a JSON array;
    /// $9 is `expand=team`. The page is cut before any JSON is built.
    private static func list(scope: String) -> String {
        """
        SELECT '[' || COALESCE(string_agg(\(BookingsJSON.readable(expand: "$9"))::text, ',' ORDER BY \(order)), '') || ']'
        FROM (SELECT \(BookingsJSON.columns) FROM "Booking" b WHERE \(scope) AND \(filters)
              ORDER BY \(order) LIMIT $7::bigint OFFSET $8::bigint) b
        """
    }

    /// `list` for a scope reached through an index (a few users' bookings): the scope's ids and
    /// sort keys are selected first, then sorted and cut, and only the page's rows are read whole.
    /// Without this fence PostgreSQL walks `Booking_pkey` in id order to fill a page, filtering the
    /// whole table when the users' bookings are recent; and materialising whole rows (with their
    /// jsonb) for every booking of the user would cost more than the page itself.
    private static func indexedList(scope: String) -> String {
        """
        WITH picked AS MATERIALIZED (SELECT b.id, b."createdAt", b."updatedAt" FROM "Booking" b WHERE \(scope) AND \(filters))
        SELECT '[' || COALESCE(string_agg(\(BookingsJSON.readable(expand: "$9"))::text, ',' ORDER BY \(order)), '') || ']'
        FROM (SELECT b.id FROM picked b ORDER BY \(order) LIMIT $7::bigint OFFSET $8::bigint) page
        JOIN "Booking" b ON b.id = page.id
        """
    }

    static func register(_ registrar: inout PluginRegistrar) {
        // Cal.com's `[id]` middleware for non-admins: organizer, attendee (by email), owner of the
        // event type, or accepted ADMIN/OWNER of its team. One row when the booking exists.
        access = registrar.statement("access", """
            SELECT COALESCE(b."userId" = $2::bigint, false)
              OR EXISTS (SELECT 1 FROM "Attendee" a JOIN users u ON lower(u.email) = lower(a.email)
                         WHERE a."bookingId" = b.id AND u.id = $2::bigint)
              OR EXISTS (SELECT 1 FROM "EventType" et WHERE et.id = b."eventTypeId" AND et."userId" = $2::bigint)
              OR EXISTS (SELECT 1 FROM "EventType" et JOIN "Membership" m ON m."teamId" = et."teamId"
                         WHERE et.id = b."eventTypeId" AND m."userId" = $2::bigint AND m.accepted
                           AND m.role IN ('ADMIN', 'OWNER'))
            FROM "Booking" b WHERE b.id = $1::bigint
            """)
        find = registrar.statement("find", #"SELECT \#(BookingsJSON.readable(expand: "$2")) FROM "Booking" b WHERE b.id = $1::bigint"#)

        // A user's own bookings: through Booking_userId_idx, whatever the filters.
        listOwn = registrar.statement("list_own", indexedList(scope: #"b."userId" = $10::bigint"#))
        listAll = registrar.statement("list_all", list(scope: "true"))
        // Bookings organized by the given users ($10, one id or several) or where one of their
        // emails is an attendee's: both halves through indexes (userId, Attendee email).
        listForUsers = registrar.statement("list_for_users", indexedList(scope: """
            b.id = ANY (ARRAY(SELECT o.id FROM "Booking" o WHERE o."userId" = ANY (ARRAY(SELECT v::bigint FROM \(elements("$10")) v))
                              UNION
                              SELECT a."bookingId" FROM users u JOIN "Attendee" a ON a.email = u.email
                              WHERE u.id = ANY (ARRAY(SELECT v::bigint FROM \(elements("$10")) v))))
            """))

        // PATCH: the raw edit Cal.com makes (no side effects); `updatedAt` as Prisma's client sets it.
        update = registrar.statement("update", writes: true, """
            UPDATE "Booking" AS b SET
              "userId" = CASE WHEN j ? 'userId' THEN (j->>'userId')::int ELSE b."userId" END,
              "eventTypeId" = CASE WHEN j ? 'eventTypeId' THEN (j->>'eventTypeId')::int ELSE b."eventTypeId" END,
              title = COALESCE(j->>'title', b.title),
              description = CASE WHEN j ? 'description' THEN j->>'description' ELSE b.description END,
              "startTime" = COALESCE((j->>'startTime')::timestamptz AT TIME ZONE 'UTC', b."startTime"),
              "endTime" = COALESCE((j->>'endTime')::timestamptz AT TIME ZONE 'UTC', b."endTime"),
              status = COALESCE(lower(j->>'status')::"BookingStatus", b.status),
              "cancelledBy" = COALESCE(j->>'cancelledBy', b."cancelledBy"),
              "rescheduledBy" = COALESCE(j->>'rescheduledBy', b."rescheduledBy"),
              "createdAt" = COALESCE((j->>'createdAt')::timestamptz AT TIME ZONE 'UTC', b."createdAt"),
              "updatedAt" = now() AT TIME ZONE 'UTC'
            FROM (SELECT $2::jsonb AS j) AS input
            WHERE b.id = $1::bigint
            RETURNING \(BookingsJSON.booking(relations: false))
            """)

        // The booking's status, locked until the transaction ends (cancel and confirm).
        lockStatus = registrar.statement("lock_status", writes: true, """
            SELECT status::text FROM "Booking" WHERE id = $1::bigint FOR UPDATE
            """)

        // $2 reason, $3 cancelledBy, $4 also the future occurrences of its recurring series.
        cancel = registrar.statement("cancel", writes: true, """
            UPDATE "Booking" SET status = 'cancelled', "cancellationReason" = $2::text,
              "cancelledBy" = COALESCE($3::text, "cancelledBy"), "updatedAt" = now() AT TIME ZONE 'UTC'
            WHERE id IN (SELECT $1::bigint
                         UNION
                         SELECT r.id FROM "Booking" o JOIN "Booking" r ON r."recurringEventId" = o."recurringEventId"
                         WHERE o.id = $1::bigint AND $4::boolean AND r.status <> 'cancelled'
                           AND r."startTime" >= (now() AT TIME ZONE 'UTC'))
            """)

        // $2 confirmed, $3 rejection reason, $4 recurring series: when it is the booking's own, its
        // pending occurrences of the same organizer follow (another series is not reached through it).
        confirm = registrar.statement("confirm", writes: true, """
            UPDATE "Booking" SET status = (CASE WHEN $2::boolean THEN 'accepted' ELSE 'rejected' END)::"BookingStatus",
              "rejectionReason" = CASE WHEN $2::boolean THEN "rejectionReason" ELSE $3::text END,
              "updatedAt" = now() AT TIME ZONE 'UTC'
            WHERE id IN (SELECT $1::bigint
                         UNION
                         SELECT r.id FROM "Booking" o JOIN "Booking" r ON r."recurringEventId" = $4::text
                         WHERE o.id = $1::bigint AND o."recurringEventId" = $4::text
                           AND r."userId" IS NOT DISTINCT FROM o."userId" AND r.status = 'pending')
            """)
    }
}
