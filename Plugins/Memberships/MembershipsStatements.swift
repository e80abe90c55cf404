import PluginSDK

/// Every statement of the Memberships plugin. Only the S2 columns are written (no
/// `createdAt`/`updatedAt`, which later Cal.com schemas added).
enum MembershipsSQL: StatementSet {
    case find, findWithTeam, listPlain, listWithTeam, targets, insert, update, delete

    /// `$1`/`$2`: JSON arrays of user and team ids to keep, or NULL for no filter; one page: $3
    /// LIMIT, $4 OFFSET.
    private static func listSQL(_ item: String) -> String {
        SQLFragments.jsonPage(item, table: #""Membership""#, alias: "m", from: """
            "Membership" m JOIN "Team" t ON t.id = m."teamId"
            WHERE ($1::jsonb IS NULL OR m."userId" IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint))
              AND ($2::jsonb IS NULL OR m."teamId" IN (SELECT jsonb_array_elements_text($2::jsonb)::bigint))
            """, orderBy: "m.id", joining: #"JOIN "Team" t ON t.id = m."teamId""#, limit: "$3", offset: "$4")
    }

    /// User `$n` has a membership of the team of the row aliased `m` (or `$n` is NULL: an admin):
    /// the `[id]` middleware's rule, repeated in every statement on one membership.
    private static func teamOf(_ parameter: String) -> String {
        #"(\#(parameter)::bigint IS NULL OR EXISTS (SELECT 1 FROM "Membership" cm WHERE cm."teamId" = m."teamId" AND cm."userId" = \#(parameter)::bigint))"#
    }

    /// $1 user, $2 team, $3 the caller (NULL for admins).
    private static func findSQL(_ item: String) -> String {
        #"""
        SELECT \#(item) FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
        WHERE m."userId" = $1::bigint AND m."teamId" = $2::bigint AND \#(Self.teamOf("$3"))
        """#
    }

    var statement: Statement {
        let plain = ModelJSON.membership("m")
        let withTeam = ModelJSON.membership("m", teamAlias: "t")
        switch self {
        case .find:
            return .read(Self.findSQL(plain))
        case .findWithTeam:
            return .read(Self.findSQL(withTeam))
        case .listPlain:
            return .read(Self.listSQL(plain))
        case .listWithTeam:
            return .read(Self.listSQL(withTeam))

        case .targets:
            return .read(#"""
                SELECT EXISTS (SELECT 1 FROM "Team" WHERE id = $1::bigint), EXISTS (SELECT 1 FROM users WHERE id = $2::bigint)
                """#)

        // Cal.com's defaults: not accepted, MEMBER, impersonation allowed.
        case .insert:
            return .write(#"""
                INSERT INTO "Membership" AS m ("teamId", "userId", accepted, role, "disableImpersonation")
                SELECT (b->>'teamId')::int, (b->>'userId')::int, COALESCE((b->>'accepted')::boolean, false),
                  COALESCE(b->>'role', 'MEMBER')::"MembershipRole", COALESCE((b->>'disableImpersonation')::boolean, false)
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \#(plain)
                """#)

        // $1 user, $2 team, $3 body, $4 the caller (NULL for admins).
        case .update:
            return .write(#"""
                UPDATE "Membership" AS m SET
                  accepted = COALESCE((b->>'accepted')::boolean, m.accepted),
                  role = COALESCE((b->>'role')::"MembershipRole", m.role),
                  "disableImpersonation" = COALESCE((b->>'disableImpersonation')::boolean, m."disableImpersonation")
                FROM (SELECT $3::jsonb AS b) AS input
                WHERE m."userId" = $1::bigint AND m."teamId" = $2::bigint AND \#(Self.teamOf("$4"))
                RETURNING \#(plain)
                """#)

        // $1 user, $2 team, $3 the caller (NULL for admins).
        case .delete:
            return .write(
                #"DELETE FROM "Membership" m WHERE m."userId" = $1::bigint AND m."teamId" = $2::bigint AND \#(Self.teamOf("$3"))"#)
        }
    }
}
