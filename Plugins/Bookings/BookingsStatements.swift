import PluginSDK

/// Every statement of the plugin; the SQL of `POST /bookings` is in `BookingCreationSQL`, the
/// availability computation in PluginSDK's `AvailabilitySQL`.
enum BookingsSQL: StatementSet {
    case access, find, listOwn, listOwnById, listOwnByIdExpanded, listAll, listForUsers, update, usableEventType, lockStatus, cancel, confirm
    case creationEventType, lockOrganizer, slot, insert, insertAttendees, insertSeat, created

    /// User `user` may put a booking on the event type aliased `e`: they own it, host it, or are an
    /// accepted ADMIN/OWNER of its team.
    private static func usable(by user: String) -> String {
        """
        (e."userId" = \(user)
         OR EXISTS (SELECT 1 FROM "Host" h WHERE h."eventTypeId" = e.id AND h."userId" = \(user))
         OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = e."teamId" AND m."userId" = \(user)
                    AND m.accepted AND m.role IN ('ADMIN', 'OWNER')))
        """
    }

    /// A JSON parameter holding one value or an array of them, as a set of texts.
    private static func elements(_ param: String) -> String {
        "jsonb_array_elements_text(CASE WHEN jsonb_typeof(\(param)::jsonb) = 'array' THEN \(param)::jsonb ELSE jsonb_build_array(\(param)::jsonb) END)"
    }

    /// The `GET /bookings` filters shared by every scope: $1 attendee emails, $2 dateFrom,
    /// $3 dateTo, $4 upcoming only. Cal.com lower-cases the given emails, not the stored ones.
    private static let filters = """
        ($1::jsonb IS NULL OR EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b.id
                                      AND a.email = ANY (ARRAY(SELECT lower(e) FROM \(Self.elements("$1")) e))))
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

    /// One page ($7 LIMIT, $8 OFFSET) of the bookings in `scope`: its row count and JSON array;
    /// $9 is `expand=team`. The page's ids are cut first (skipping rows walks an index), so rows are
    /// read whole and JSON is built only for the page.
    private static func list(scope: String) -> String {
        """
        SELECT count(*), \(SQLFragments.jsonArray(of: BookingsJSON.readable(expand: "$9"), orderBy: Self.order))
        FROM (SELECT b.id FROM "Booking" b WHERE \(scope) AND \(Self.filters)
              ORDER BY \(Self.order) LIMIT $7::bigint OFFSET $8::bigint) page
        JOIN "Booking" b ON b.id = page.id
        """
    }

    /// `list` for a scope reached through an index (a few users' bookings): the scope's ids and
    /// sort keys are selected first, then sorted and cut, and only the page's rows are read whole.
    /// Without this fence PostgreSQL walks `Booking_pkey` in id order to fill a page, filtering the
    /// whole table when the users' bookings are recent; and materialising whole rows (with their
    /// jsonb) for every booking of the user would cost more than the page itself.
    private static func indexedList(scope: String) -> String {
        """
        WITH picked AS MATERIALIZED (SELECT b.id, b."createdAt", b."updatedAt" FROM "Booking" b WHERE \(scope) AND \(Self.filters))
        SELECT count(*), \(SQLFragments.jsonArray(of: BookingsJSON.readable(expand: "$9"), orderBy: Self.order))
        FROM (SELECT b.id FROM picked b ORDER BY \(Self.order) LIMIT $7::bigint OFFSET $8::bigint) page
        JOIN "Booking" b ON b.id = page.id
        """
    }

    /// One page ($1 LIMIT, $2 OFFSET) of user $3's bookings in id order, without filters. Only the
    /// user's booking ids are read, and with `calapi indexes`' ("userId", id) index from the index
    /// alone (no visit of the rows, spread over the table); the fence keeps PostgreSQL from walking
    /// Booking_pkey instead. Whole rows are read for the page only, their attendees and payments
    /// with one index search each for the whole page, and the organizer (user $3) once. With
    /// `expand` a statement of its own (not a parameter), PostgreSQL keeps one generic plan.
    private static func ownPage(expand: Bool) -> String {
        let relations = BookingsJSON.pageRelations(page: "page", organizer: "$3::int")
        return """
            WITH picked AS MATERIALIZED (SELECT b.id FROM "Booking" b WHERE b."userId" = $3::int),
            page AS MATERIALIZED (SELECT b.id FROM picked b ORDER BY b.id LIMIT $1::bigint OFFSET $2::bigint),
            \(relations.ctes)
            SELECT count(*), \(SQLFragments.jsonArray(of: BookingsJSON.booking(relations: .joined, eventType: expand), orderBy: "b.id"))
            FROM page JOIN "Booking" b ON b.id = page.id
            \(relations.joins)
            """
    }

    /// User `user` (an SQL expression) is on the organizer's side of the booking aliased `b`: its
    /// organizer, the owner of its event type, or an accepted ADMIN/OWNER of that event type's
    /// team. They may read, edit, confirm, reject, reschedule and cancel it.
    private static func organizerSide(_ user: String) -> String {
        """
        (COALESCE(b."userId" = \(user), false)
         OR EXISTS (SELECT 1 FROM "EventType" et WHERE et.id = b."eventTypeId" AND et."userId" = \(user))
         OR EXISTS (SELECT 1 FROM "EventType" et JOIN "Membership" m ON m."teamId" = et."teamId"
                    WHERE et.id = b."eventTypeId" AND m."userId" = \(user) AND m.accepted AND m.role IN ('ADMIN', 'OWNER')))
        """
    }

    /// Whom a statement serves for the booking aliased `b`: everyone when the caller parameter
    /// `caller` is NULL (a system admin); else the organizer's side, and with `attendees` also an
    /// attendee by a trusted email (reading and cancelling only).
    private static func allowed(_ caller: String, attendees: Bool) -> String {
        let attending = attendees ? " OR \(SQLFragments.attends(booking: "b", user: "\(caller)::int"))" : ""
        return "(\(caller)::int IS NULL OR \(Self.organizerSide("\(caller)::int"))\(attending))"
    }

    var statement: Statement {
        switch self {
        case .creationEventType: return .read(BookingCreationSQL.eventType)
        case .lockOrganizer: return .write(BookingCreationSQL.lockOrganizer)
        // The shared availability verdict on the slot.
        case .slot: return .read(AvailabilitySQL.slot)
        case .insert: return .write(BookingCreationSQL.insert)
        case .insertAttendees: return .write(BookingCreationSQL.insertAttendees)
        case .insertSeat: return .write(BookingCreationSQL.insertSeat)
        case .created: return .read(BookingCreationSQL.created)
        // Cal.com's `[id]` middleware for non-admins ($2 the caller): whether they are on the
        // organizer's side, and whether they attend by a trusted email. One row when the booking exists.
        case .access:
            return .read("""
                SELECT \(Self.organizerSide("$2::int")), \(SQLFragments.attends(booking: "b", user: "$2::int"))
                FROM "Booking" b WHERE b.id = $1::bigint
                """)
        // $1 event type, $2 the caller: one row when they may put a booking on it (they own it, host
        // it, or are an accepted ADMIN/OWNER of its team).
        case .usableEventType:
            return .read("""
                SELECT 1 FROM "EventType" e WHERE e.id = $1::numeric AND \(Self.usable(by: "$2::int"))
                """)
        // $1 id, $2 expand, $3 the caller (NULL for a system admin).
        case .find:
            return .read(#"""
                SELECT \#(BookingsJSON.readable(expand: "$2")) FROM "Booking" b WHERE b.id = $1::bigint AND \#(Self.allowed("$3", attendees: true))
                """#)

        // A user's own bookings: through Booking_userId_idx, whatever the filters.
        case .listOwn:
            return .read(Self.indexedList(scope: #"b."userId" = $10::bigint"#))
        // The same without filters, in id order (what most clients ask): `ownPage`.
        case .listOwnById:
            return .read(Self.ownPage(expand: false))
        case .listOwnByIdExpanded:
            return .read(Self.ownPage(expand: true))
        case .listAll:
            return .read(Self.list(scope: "true"))
        // Bookings organized by the given users ($10, one id or several) or where one of their
        // emails is an attendee's: both halves through indexes (userId, Attendee email).
        case .listForUsers:
            return .read(Self.indexedList(scope: """
                b.id = ANY (ARRAY(SELECT o.id FROM "Booking" o WHERE o."userId" = ANY (ARRAY(SELECT v::bigint FROM \(Self.elements("$10")) v))
                                  UNION
                                  SELECT a."bookingId" FROM users u JOIN "Attendee" a ON a.email = u.email
                                  WHERE u.id = ANY (ARRAY(SELECT v::bigint FROM \(Self.elements("$10")) v))))
                """))

        // PATCH: the raw edit Cal.com makes (no side effects); `updatedAt` as Prisma's client sets it.
        // $3 the caller (NULL for a system admin): the organizer's side only, and a new event type
        // only one they may use.
        case .update:
            return .write("""
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
                WHERE b.id = $1::bigint AND \(Self.allowed("$3", attendees: false))
                  AND ($3::int IS NULL OR jsonb_typeof(j->'eventTypeId') IS DISTINCT FROM 'number'
                       OR EXISTS (SELECT 1 FROM "EventType" e WHERE e.id = (j->>'eventTypeId')::numeric AND \(Self.usable(by: "$3::int"))))
                RETURNING \(BookingsJSON.booking(relations: nil))
                """)

        // The booking's status, locked until the transaction ends: $2 the caller (NULL for a system
        // admin), $3 whether attendees are served too (cancel) or only the organizer's side (confirm).
        case .lockStatus:
            return .write("""
                SELECT b.status::text FROM "Booking" b
                WHERE b.id = $1::bigint AND (\(Self.allowed("$2", attendees: false))
                                             OR ($3::boolean AND \(SQLFragments.attends(booking: "b", user: "$2::int"))))
                FOR UPDATE OF b
                """)

        // $2 reason, $3 cancelledBy, $4 also the future occurrences of its recurring series, $5 the
        // caller (NULL for a system admin; else the organizer's side or an attendee).
        case .cancel:
            return .write("""
                WITH target AS (SELECT b.id, b."recurringEventId" FROM "Booking" b
                                WHERE b.id = $1::bigint AND \(Self.allowed("$5", attendees: true)))
                UPDATE "Booking" SET status = 'cancelled', "cancellationReason" = $2::text,
                  "cancelledBy" = COALESCE($3::text, "cancelledBy"), "updatedAt" = now() AT TIME ZONE 'UTC'
                WHERE id IN (SELECT id FROM target
                             UNION
                             SELECT r.id FROM target o JOIN "Booking" r ON r."recurringEventId" = o."recurringEventId"
                             WHERE $4::boolean AND r.status <> 'cancelled' AND r."startTime" >= (now() AT TIME ZONE 'UTC'))
                """)

        // $2 confirmed, $3 rejection reason, $4 recurring series: when it is the booking's own, its
        // pending occurrences of the same organizer follow (another series is not reached through it).
        // $5 the caller (NULL for a system admin; else the organizer's side only).
        case .confirm:
            return .write("""
                WITH target AS (SELECT b.id, b."recurringEventId", b."userId" FROM "Booking" b
                                WHERE b.id = $1::bigint AND \(Self.allowed("$5", attendees: false)))
                UPDATE "Booking" SET status = (CASE WHEN $2::boolean THEN 'accepted' ELSE 'rejected' END)::"BookingStatus",
                  "rejectionReason" = CASE WHEN $2::boolean THEN "rejectionReason" ELSE $3::text END,
                  "updatedAt" = now() AT TIME ZONE 'UTC'
                WHERE id IN (SELECT id FROM target
                             UNION
                             SELECT r.id FROM target o JOIN "Booking" r ON r."recurringEventId" = $4::text
                             WHERE o."recurringEventId" = $4::text AND r."userId" IS NOT DISTINCT FROM o."userId" AND r.status = 'pending')
                """)
        }
    }
}
