import PluginSDK

/// The statements of `POST /no-show`.
enum NoShowSQL: StatementSet {
    case booking, mark

    var statement: Statement {
        switch self {
        // $1 uid, $2 the caller (NULL for a system admin): the booking's id, whether it has not
        // started yet, and whether the caller organizes it or is a member of its event type's team.
        case .booking:
            return .read("""
                SELECT b.id, b."startTime" > (now() AT TIME ZONE 'UTC'),
                       $2::int IS NULL OR b."userId" = $2::int
                         OR EXISTS (SELECT 1 FROM "EventType" e JOIN "Membership" m ON m."teamId" = e."teamId"
                                    WHERE e.id = b."eventTypeId" AND m."userId" = $2::int)
                FROM "Booking" b WHERE b.uid = $1
                """)
        // $1 booking, $2 the body's `attendees`: each matching attendee (emails compared without
        // case; for an email given twice the last entry wins) gets its `noShow`; answers the
        // attendees changed, in the order given.
        case .mark:
            return .write("""
                WITH input AS (
                  SELECT DISTINCT ON (lower(x->>'email')) x->>'email' AS email, (x->>'noShow')::boolean AS "noShow", position
                  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(x, position)
                  ORDER BY lower(x->>'email'), position DESC),
                changed AS (
                  UPDATE "Attendee" a SET "noShow" = i."noShow" FROM input i
                  WHERE a."bookingId" = $1::int AND lower(a.email) = lower(i.email)
                  RETURNING a.id, a.email, a."noShow", i.position)
                SELECT email, "noShow" FROM changed ORDER BY position, id
                """)
        }
    }
}
