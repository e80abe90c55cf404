import PluginSDK

/// The SQL of `POST /bookings` (the reduced E2 contract of bookings-and-auth.md §12.6), cases of
/// `BookingsSQL`.
enum BookingCreationSQL {
    /// The event type: whether it needs confirmation, the end ($3, else $2 start plus its length),
    /// whether the start is past, who may host it (its owner, else its team's hosts, lowest id
    /// first, comma-separated) and whether a given end follows the start.
    static let eventType = """
        SELECT et."requiresConfirmation",
               to_char(COALESCE($3::timestamptz AT TIME ZONE 'UTC',
                                ($2::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => et.length)),
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               ($2::timestamptz AT TIME ZONE 'UTC') < (now() AT TIME ZONE 'UTC'),
               \(AvailabilitySQL.hostList("et")),
               COALESCE($3::timestamptz > $2::timestamptz, true)
        FROM "EventType" et WHERE et.id = $1::bigint
        """

    /// Serializes every creation for one organizer until the transaction ends, so the availability
    /// check below and the insert cannot interleave with another request's.
    static let lockOrganizer = """
        SELECT pg_advisory_xact_lock(hashtext('calapi.booking.organizer'), $1::int)
        """

    /// $1 body, $2 organizer, $3 end, $4 uid, $5 pending. `responses` come from the body or
    /// from the legacy props; the title is Cal.com's default event name.
    static let insert = """
        INSERT INTO "Booking" (uid, "userId", "userPrimaryEmail", "eventTypeId", title, description, responses, "startTime",
          "endTime", location, status, metadata, "creationSource", "iCalUID", "oneTimePassword", "updatedAt")
        SELECT $4::text, u.id, u.email, et.id,
          et.title || ' between ' || COALESCE(u.name, u.username, u.email) || ' and ' || (r->>'name'),
          r->>'notes', r, ($1::jsonb->>'start')::timestamptz AT TIME ZONE 'UTC', $3::timestamptz AT TIME ZONE 'UTC',
          CASE jsonb_typeof(r->'location') WHEN 'object' THEN r->'location'->>'value' WHEN 'string' THEN r->>'location' END,
          (CASE WHEN $5::boolean THEN 'pending' ELSE 'accepted' END)::"BookingStatus",
          $1::jsonb->'metadata', 'api_v1', $4::text || '@Cal.com', gen_random_uuid()::text, now() AT TIME ZONE 'UTC'
        FROM (SELECT COALESCE($1::jsonb->'responses',
                              jsonb_strip_nulls(jsonb_build_object('name', $1::jsonb->'name', 'email', $1::jsonb->'email',
                                'location', $1::jsonb->'location', 'guests', $1::jsonb->'guests', 'notes', $1::jsonb->'notes'))) AS r) AS input,
             users u, "EventType" et
        WHERE u.id = $2::int AND et.id = ($1::jsonb->>'eventTypeId')::bigint
        RETURNING id
        """

    /// The booker, then each guest (Cal.com gives guests an empty name), in the booker's zone and language.
    static let insertAttendees = """
        INSERT INTO "Attendee" ("bookingId", email, name, "timeZone", locale)
        SELECT $1::int, a.email, a.name, $2::jsonb->>'timeZone', $2::jsonb->>'language'
        FROM (SELECT b.responses->>'email' AS email, b.responses->>'name' AS name, 0 AS position
              FROM "Booking" b WHERE b.id = $1::int
              UNION ALL
              SELECT g.email, '', g.position
              FROM "Booking" b, jsonb_array_elements_text(COALESCE(b.responses->'guests', '[]')) WITH ORDINALITY AS g(email, position)
              WHERE b.id = $1::int) a
        ORDER BY a.position
        """

    /// One more seat in a seated booking: the booker ($2 body: `responses`, else the legacy props),
    /// unless that email already holds a seat in it (no row inserted then).
    static let insertSeat = """
        INSERT INTO "Attendee" ("bookingId", email, name, "timeZone", locale)
        SELECT $1::int, input.email, COALESCE(b->'responses'->>'name', b->>'name'), b->>'timeZone', b->>'language'
        FROM (SELECT $2::jsonb AS b, COALESCE($2::jsonb->'responses'->>'email', $2::jsonb->>'email') AS email) input
        WHERE NOT EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = $1::int AND lower(a.email) = lower(input.email))
        """
    static let created = #"SELECT \#(BookingsJSON.created) FROM "Booking" b WHERE b.id = $1::int"#
}
