import PluginSDK

/// Every statement of the plugin. Event types come back as JSON built by PostgreSQL in the field
/// order of Cal.com's `eventTypeSelect`, enums in their API spelling.
enum EventTypesSQL: StatementSet {
    case find, list, teamList, render, target, nonMemberHosts, scheduleAllowed, foreignHostSchedules, insert, update, deleteHosts, insertHosts, delete

    /// The event type of the row aliased `e` as compact JSON. With `website` (a text parameter such
    /// as `$3`) it is the GET shape: `link` added and a personal event type's missing `scheduleId`
    /// replaced by its owner's default schedule.
    ///
    /// PostgreSQL spends more on setting up a statement's plan than on running it when each relation
    /// is a subquery of its own, so the owner (`ou`) and team (`tm`) rows are joined once, and the four
    /// lists (custom inputs, hashed links, hosts, children) are gathered by one `LATERAL` of four
    /// index searches under a single aggregate.
    static func eventTypeJSON(website: String?) -> String {
        let scheduleId = website == nil ? #"e."scheduleId""# : #"""
            COALESCE(e."scheduleId", CASE WHEN e."teamId" IS NULL THEN ou."defaultScheduleId" END)
            """#
        let link = website.map { site in #"""
            , CASE WHEN e."teamId" IS NOT NULL
                   THEN \#(site)::text || '/team/' || tm.slug || '/' || e.slug
                   ELSE \#(site)::text || '/' || COALESCE(ou.username,
                          (SELECT uu.username FROM "_user_eventtype" ue JOIN users uu ON uu.id = ue."B" WHERE ue."A" = e.id ORDER BY uu.id LIMIT 1))
                        || '/' || e.slug END AS link
            """# } ?? ""
        /// One list's JSON array: the `kind` rows of `lists`, in their order.
        func list(_ kind: Int) -> String {
            #"('[' || COALESCE(string_agg(r.json, ',' ORDER BY r.sort) FILTER (WHERE r.kind = \#(kind)), '') || ']')"#
        }
        let lists = #"""
            LEFT JOIN LATERAL (SELECT \#(list(1)) AS "customInputs", \#(list(2)) AS "hashedLink", \#(list(3)) AS hosts, \#(list(4)) AS children
              FROM (SELECT 1 AS kind, ci.id AS sort, row_to_json(c)::text AS json
                    FROM "EventTypeCustomInput" ci, LATERAL (SELECT ci.id, ci.label, ci.required, ci.options, upper(ci.type::text) AS type, ci.placeholder) c
                    WHERE ci."eventTypeId" = e.id
                    UNION ALL
                    SELECT 2, hl.id, row_to_json(l)::text FROM "HashedLink" hl, LATERAL (SELECT hl.link) l WHERE hl."eventTypeId" = e.id
                    UNION ALL
                    SELECT 3, h."userId", row_to_json(x)::text
                    FROM "Host" h, LATERAL (SELECT h."userId", h."isFixed", h."scheduleId") x WHERE h."eventTypeId" = e.id
                    UNION ALL
                    SELECT 4, ch.id, row_to_json(k)::text FROM "EventType" ch, LATERAL (SELECT ch.id, ch."userId") k WHERE ch."parentId" = e.id) r
            ) lists ON true
            """#
        return #"""
            (SELECT row_to_json(p) FROM (SELECT e.id, e.title, e.slug, e.length, e.hidden, e.position, e."userId", e."teamId",
              \#(scheduleId) AS "scheduleId", e."eventName", e."timeZone", upper(e."periodType"::text) AS "periodType",
              \#(SQLFragments.isoTimestamp(#"e."periodStartDate""#)) AS "periodStartDate",
              \#(SQLFragments.isoTimestamp(#"e."periodEndDate""#)) AS "periodEndDate",
              e."periodDays", e."periodCountCalendarDays", e."requiresConfirmation", e."recurringEvent", e."disableGuests",
              e."hideCalendarNotes", e."minimumBookingNotice", e."beforeEventBuffer", e."afterEventBuffer",
              \#(EventTypeField.apiSchedulingType(#"e."schedulingType""#)) AS "schedulingType",
              e.price, e.currency, e."slotInterval", e."parentId", e."successRedirectUrl", e.description, e.locations,
              e.metadata, e."seatsPerTimeSlot", e."seatsShowAttendees", e."seatsShowAvailabilityCount", e."bookingFields",
              e."bookingLimits", e."onlyShowFirstAvailableSlot", e."durationLimits",
              lists."customInputs"::json AS "customInputs",
              lists."hashedLink"::json AS "hashedLink",
              CASE WHEN tm.id IS NOT NULL THEN (SELECT row_to_json(t) FROM (SELECT tm.slug) t) END AS team,
              lists.hosts::json AS hosts,
              CASE WHEN ou.id IS NOT NULL THEN (SELECT row_to_json(o) FROM (SELECT ou.username, ou.id, ou."timeZone") o) END AS owner,
              lists.children::json AS children\#(link)
              FROM (SELECT) one LEFT JOIN users ou ON ou.id = e."userId" LEFT JOIN "Team" tm ON tm.id = e."teamId"
              \#(lists)) p)
            """#
    }

    /// User `$n` is an accepted ADMIN or OWNER of team `team` (an SQL expression).
    private static func teamEditor(_ team: String, _ user: String) -> String {
        #"""
        EXISTS (SELECT 1 FROM "Membership" tm WHERE tm."teamId" = \#(team) AND tm."userId" = \#(user)::int
                AND tm.accepted AND tm.role IN ('ADMIN', 'OWNER'))
        """#
    }

    /// Who may read the event type aliased `e`: user `$n` owns it, or has any membership of its
    /// team (or `$n` is NULL: a system admin).
    private static func readable(by user: String) -> String {
        #"""
        (\#(user)::int IS NULL OR e."userId" = \#(user)::int
         OR EXISTS (SELECT 1 FROM "Membership" rm WHERE rm."teamId" = e."teamId" AND rm."userId" = \#(user)::int))
        """#
    }

    /// Who may edit it: its owner or an accepted ADMIN/OWNER of its team.
    private static func editable(by user: String) -> String {
        #"(\#(user)::int IS NULL OR e."userId" = \#(user)::int OR \#(Self.teamEditor(#"e."teamId""#, user)))"#
    }

    /// Who may delete it: for a team's, an accepted ADMIN/OWNER of the team; for a managed child, of
    /// its parent's team; else its owner.
    private static func deletable(by user: String) -> String {
        #"""
        (\#(user)::int IS NULL OR CASE
           WHEN e."teamId" IS NOT NULL THEN \#(Self.teamEditor(#"e."teamId""#, user))
           WHEN e."parentId" IS NOT NULL
             THEN \#(Self.teamEditor(#"(SELECT pe."teamId" FROM "EventType" pe WHERE pe.id = e."parentId")"#, user))
           ELSE e."userId" = \#(user)::int END)
        """#
    }

    var statement: Statement {
        let columns = EventTypeField.columns
        switch self {
        // $1 id, $2 the caller (NULL for a system admin), $3 website: the JSON, when the caller may read it.
        case .find:
            return .read(#"""
                SELECT \#(Self.eventTypeJSON(website: "$3")) FROM "EventType" e WHERE e.id = $1::int AND \#(Self.readable(by: "$2"))
                """#)

        // $1 owners (jsonb array of ids, or NULL for any owner), $2 exact slug or NULL, $3 website;
        // one page: $4 LIMIT, $5 OFFSET.
        case .list:
            return .read(SQLFragments.jsonPage(
                Self.eventTypeJSON(website: "$3"), table: #""EventType""#, alias: "e", from: #"""
                    "EventType" e
                    WHERE ($1::jsonb IS NULL OR e."userId" IN (SELECT v::int FROM jsonb_array_elements_text($1::jsonb) v))
                      AND ($2::text IS NULL OR e.slug = $2::text)
                    """#, orderBy: "e.id", limit: "$4", offset: "$5"))

        // $1 team, $2 caller (NULL for a system admin), $3 website: the team's event types, or none
        // when the caller is not a member of the team; one page: $4 LIMIT, $5 OFFSET.
        case .teamList:
            return .read(SQLFragments.jsonPage(
                Self.eventTypeJSON(website: "$3"), table: #""EventType""#, alias: "e", from: #"""
                    "EventType" e
                    WHERE e."teamId" = $1::int
                      AND ($2::int IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = $1::int AND m."userId" = $2::int))
                    """#, orderBy: "e.id", limit: "$4", offset: "$5"))

        case .render:
            return .read(#"SELECT \#(Self.eventTypeJSON(website: nil)) FROM "EventType" e WHERE e.id = $1::int"#)

        case .target:
            return .read(#"""
                SELECT e."userId", e."teamId", e."parentId", parent."teamId"
                FROM "EventType" e LEFT JOIN "EventType" parent ON parent.id = e."parentId" WHERE e.id = $1::int
                """#)

        // $1 team, $2 hosts (jsonb array): the host user ids without any membership of the team.
        case .nonMemberHosts:
            return .read(#"""
                SELECT DISTINCT (h->>'userId')::int FROM jsonb_array_elements($2::jsonb) h
                WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = $1::int AND m."userId" = (h->>'userId')::int)
                """#)

        // $1 schedule, $2 owner of a personal event type (NULL for a team's), $3 its team: one row
        // when the schedule is the owner's, or (team event types) an accepted member's.
        case .scheduleAllowed:
            return .read(#"""
                SELECT 1 FROM "Schedule" s
                WHERE s.id = $1::numeric AND (s."userId" = $2::int
                  OR ($2::int IS NULL AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = $3::int AND m."userId" = s."userId" AND m.accepted)))
                """#)

        // $1 hosts (jsonb array): one row per host whose `scheduleId` is not one of that host's schedules.
        case .foreignHostSchedules:
            return .read(#"""
                SELECT 1 FROM jsonb_array_elements($1::jsonb) h
                WHERE jsonb_typeof(h->'scheduleId') = 'number'
                  AND NOT EXISTS (SELECT 1 FROM "Schedule" s WHERE s.id = (h->>'scheduleId')::numeric AND s."userId" = (h->>'userId')::numeric)
                """#)

        // $1 body, $2 owner (NULL for a team event type): the new id; the owner is also linked
        // through Cal.com's implicit many-to-many `users`.
        case .insert:
            return .write(#"""
                WITH input AS (SELECT $1::jsonb AS b),
                created AS (
                  INSERT INTO "EventType" (\#(columns.map { "\"\($0.name)\"" }.joined(separator: ", ")),
                    "userId", "instantMeetingParameters")
                  SELECT \#(columns.map(\.insertValue).joined(separator: ",\n    ")),
                    $2::int, '{}'
                  FROM input
                  RETURNING id, "userId"
                ),
                linked AS (
                  INSERT INTO "_user_eventtype" ("A", "B") SELECT id, "userId" FROM created WHERE "userId" IS NOT NULL
                  ON CONFLICT ("A", "B") DO NOTHING
                )
                SELECT id FROM created
                """#)

        // $1 id, $2 body, $3 the caller (NULL for a system admin).
        case .update:
            return .write(#"""
                UPDATE "EventType" AS e SET
                  \#(columns.map { $0.assignment(row: "e") }.joined(separator: ",\n  "))
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE e.id = $1::int AND \#(Self.editable(by: "$3"))
                RETURNING e.id
                """#)

        case .deleteHosts:
            return .write(#"DELETE FROM "Host" WHERE "eventTypeId" = $1::int"#)

        // $1 event type, $2 hosts (jsonb array), $3 whether every host is fixed (COLLECTIVE).
        case .insertHosts:
            return .write(#"""
                INSERT INTO "Host" ("userId", "eventTypeId", "isFixed", "scheduleId")
                SELECT DISTINCT ON ((h->>'userId')::int) (h->>'userId')::int, $1::int,
                  $3::boolean OR COALESCE((h->>'isFixed')::boolean, false), (h->>'scheduleId')::int
                FROM jsonb_array_elements($2::jsonb) h
                """#)

        // $1 id, $2 the caller (NULL for a system admin).
        case .delete:
            return .write(#"DELETE FROM "EventType" e WHERE e.id = $1::int AND \#(Self.deletable(by: "$2"))"#)
        }
    }
}
