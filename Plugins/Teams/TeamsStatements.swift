import PluginSDK

/// Every statement of the Teams plugin. Bodies arrive whole as one `jsonb` parameter and are read
/// in SQL (`b ? 'x'` for presence), so each write is one fixed statement.
enum TeamsSQL: StatementSet {
    case find, list, slugTaken, userExists, insert, update, delete, publish, requestedSlug

    /// The object `expression` with only `keys` kept, as zod's non-strict objects strip the rest.
    private static func pick(_ expression: String, _ keys: [String]) -> String {
        let list = keys.map { "'\($0)'" }.joined(separator: ", ")
        return "(SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(\(expression)) e WHERE e.key IN (\(list)))"
    }

    /// A sent `metadata` / `bookingLimits`: JSON null is stored as `{}` (Cal.com's `null → {}`).
    private static func sentObject(_ key: String, _ keys: [String]) -> String {
        "CASE WHEN jsonb_typeof(b->'\(key)') = 'object' THEN \(Self.pick("b->'\(key)'", keys)) ELSE '{}'::jsonb END"
    }

    /// Column `column` of the team row from body key `key` (`cast` converts the text) when the
    /// writer is a system admin (`$3`), else `otherwise`: the flags only Cal.com's admins set.
    private static func adminOnly(_ key: String, _ cast: String, otherwise: String) -> String {
        "COALESCE(CASE WHEN $3::boolean THEN (b->>'\(key)')\(cast) END, \(otherwise))"
    }

    var statement: Statement {
        let team = ModelJSON.team("t")
        let limits = Self.sentObject("bookingLimits", TeamsSchemas.limitKeys)
        // A sent `metadata`: every known key from a system admin ($3); from anyone else only the
        // keys a team's own admins may write, over the admin-only keys the team already has.
        let sentMetadata = """
            CASE WHEN $3::boolean THEN \(Self.sentObject("metadata", TeamsSchemas.metadataKeys))
                 ELSE \(Self.sentObject("metadata", TeamsSchemas.ownerMetadataKeys)) END
            """
        let keptMetadata = #"""
            CASE WHEN $3::boolean OR jsonb_typeof(t.metadata) IS DISTINCT FROM 'object' THEN '{}'::jsonb
                 ELSE \#(Self.pick("t.metadata", TeamsSchemas.adminMetadataKeys)) END
            """#
        switch self {
        // $1 id, $2 the caller (NULL for a system admin): the team, when the caller has a membership of it.
        case .find:
            return .read(#"""
                SELECT \#(team), t.slug, t."parentId" FROM "Team" t
                WHERE t.id = $1::bigint AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $2::bigint))
                """#)

        // One page ($2 LIMIT, $3 OFFSET) of the teams user $1 has a membership of (any role,
        // accepted or not), or of every team when $1 is NULL.
        case .list:
            return .read(SQLFragments.jsonPage(team, table: #""Team""#, alias: "t", from: #"""
                "Team" t
                WHERE $1::bigint IS NULL
                   OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $1::bigint)
                """#, orderBy: "t.id", limit: "$2", offset: "$3"))

        // $1 slug (case-insensitive); $2 a team to ignore (the one being edited) or NULL;
        // $3 whether to look only among teams with parent $4 (top-level teams when $4 is NULL).
        case .slugTaken:
            return .read(#"""
                SELECT 1 FROM "Team"
                WHERE lower(slug) = lower($1::text)
                  AND ($2::bigint IS NULL OR id <> $2::bigint)
                  AND (NOT $3::boolean OR "parentId" IS NOT DISTINCT FROM $4::int)
                LIMIT 1
                """#)

        case .userExists:
            return .read("SELECT 1 FROM users WHERE id = $1::bigint")

        // $1 body, $2 the owner's user id, $3 whether the caller is a system admin (else the flags
        // only admins set keep their defaults). The team and its OWNER membership in one statement.
        case .insert:
            return .write(#"""
                WITH input AS (SELECT $1::jsonb AS b),
                created AS (
                  INSERT INTO "Team" (name, slug, "logoUrl", "calVideoLogo", "appLogo", "appIconLogo", bio, "hideBranding",
                    "isPrivate", "hideBookATeamMember", metadata, theme, "brandColor", "darkBrandColor", "bannerUrl", "parentId",
                    "timeFormat", "timeZone", "weekStart", "isOrganization", "pendingPayment", "isPlatform",
                    "createdByOAuthClientId", "smsLockState", "smsLockReviewedByAdmin", "bookingLimits",
                    "includeManagedEventsInLimits")
                  SELECT b->>'name', b->>'slug', COALESCE(b->>'logoUrl', b->>'logo'), b->>'calVideoLogo', b->>'appLogo',
                    b->>'appIconLogo', b->>'bio', COALESCE((b->>'hideBranding')::boolean, false),
                    COALESCE((b->>'isPrivate')::boolean, false), COALESCE((b->>'hideBookATeamMember')::boolean, false),
                    CASE WHEN b ? 'metadata' THEN \#(sentMetadata) END, b->>'theme', b->>'brandColor', b->>'darkBrandColor',
                    b->>'bannerUrl', (b->>'parentId')::int, (b->>'timeFormat')::int, COALESCE(b->>'timeZone', 'Europe/London'),
                    COALESCE(b->>'weekStart', 'Sunday'), \#(Self.adminOnly("isOrganization", "::boolean", otherwise: "false")),
                    \#(Self.adminOnly("pendingPayment", "::boolean", otherwise: "false")), \#(Self.adminOnly("isPlatform", "::boolean", otherwise: "false")),
                    CASE WHEN $3::boolean THEN b->>'createdByOAuthClientId' END,
                    \#(Self.adminOnly("smsLockState", #"::"SMSLockState""#, otherwise: #"'UNLOCKED'::"SMSLockState""#)),
                    \#(Self.adminOnly("smsLockReviewedByAdmin", "::boolean", otherwise: "false")),
                    CASE WHEN b ? 'bookingLimits' THEN \#(limits) END,
                    COALESCE((b->>'includeManagedEventsInLimits')::boolean, false)
                  FROM input
                  RETURNING *
                ),
                owner AS (
                  INSERT INTO "Membership" ("teamId", "userId", accepted, role)
                  SELECT id, $2::int, true, 'OWNER' FROM created
                  RETURNING *
                )
                SELECT \#(team), \#(ModelJSON.membership("m")) FROM created t, owner m
                """#)

        // $1 team, $2 body, $3 whether the caller is a system admin (else the flags only admins set
        // are kept), $4 the caller, who must be an OWNER or ADMIN of the team. A slug sent to a team
        // without one (not yet published) is kept in `metadata.requestedSlug` instead; every edit
        // clears `smsLockReviewedByAdmin`, as Cal.com's did.
        case .update:
            return .write(#"""
                UPDATE "Team" AS t SET
                  name = COALESCE(b->>'name', t.name),
                  slug = CASE WHEN b ? 'slug' AND NOT (t.slug IS NULL AND b->>'slug' IS NOT NULL) THEN b->>'slug' ELSE t.slug END,
                  "logoUrl" = CASE WHEN b ? 'logoUrl' THEN b->>'logoUrl' WHEN b ? 'logo' THEN b->>'logo' ELSE t."logoUrl" END,
                  "calVideoLogo" = CASE WHEN b ? 'calVideoLogo' THEN b->>'calVideoLogo' ELSE t."calVideoLogo" END,
                  "appLogo" = CASE WHEN b ? 'appLogo' THEN b->>'appLogo' ELSE t."appLogo" END,
                  "appIconLogo" = CASE WHEN b ? 'appIconLogo' THEN b->>'appIconLogo' ELSE t."appIconLogo" END,
                  bio = CASE WHEN b ? 'bio' THEN b->>'bio' ELSE t.bio END,
                  "hideBranding" = COALESCE((b->>'hideBranding')::boolean, t."hideBranding"),
                  "isPrivate" = COALESCE((b->>'isPrivate')::boolean, t."isPrivate"),
                  "hideBookATeamMember" = COALESCE((b->>'hideBookATeamMember')::boolean, t."hideBookATeamMember"),
                  metadata = CASE
                    WHEN t.slug IS NULL AND b->>'slug' IS NOT NULL
                      THEN COALESCE(t.metadata, '{}'::jsonb) || jsonb_build_object('requestedSlug', b->>'slug')
                    WHEN b ? 'metadata' THEN \#(keptMetadata) || \#(sentMetadata)
                    ELSE t.metadata END,
                  theme = CASE WHEN b ? 'theme' THEN b->>'theme' ELSE t.theme END,
                  "brandColor" = CASE WHEN b ? 'brandColor' THEN b->>'brandColor' ELSE t."brandColor" END,
                  "darkBrandColor" = CASE WHEN b ? 'darkBrandColor' THEN b->>'darkBrandColor' ELSE t."darkBrandColor" END,
                  "bannerUrl" = CASE WHEN b ? 'bannerUrl' THEN b->>'bannerUrl' ELSE t."bannerUrl" END,
                  "parentId" = CASE WHEN b ? 'parentId' THEN (b->>'parentId')::int ELSE t."parentId" END,
                  "timeFormat" = CASE WHEN b ? 'timeFormat' THEN (b->>'timeFormat')::int ELSE t."timeFormat" END,
                  "timeZone" = COALESCE(b->>'timeZone', t."timeZone"),
                  "weekStart" = COALESCE(b->>'weekStart', t."weekStart"),
                  "isOrganization" = \#(Self.adminOnly("isOrganization", "::boolean", otherwise: #"t."isOrganization""#)),
                  "pendingPayment" = \#(Self.adminOnly("pendingPayment", "::boolean", otherwise: #"t."pendingPayment""#)),
                  "isPlatform" = \#(Self.adminOnly("isPlatform", "::boolean", otherwise: #"t."isPlatform""#)),
                  "createdByOAuthClientId" = CASE WHEN $3::boolean AND b ? 'createdByOAuthClientId' THEN b->>'createdByOAuthClientId'
                                             ELSE t."createdByOAuthClientId" END,
                  "smsLockState" = \#(Self.adminOnly("smsLockState", #"::"SMSLockState""#, otherwise: #"t."smsLockState""#)),
                  "smsLockReviewedByAdmin" = false,
                  "bookingLimits" = CASE WHEN b ? 'bookingLimits' THEN \#(limits) ELSE t."bookingLimits" END,
                  "includeManagedEventsInLimits" = COALESCE((b->>'includeManagedEventsInLimits')::boolean,
                                                            t."includeManagedEventsInLimits")
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE t.id = $1::bigint
                  AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $4::bigint AND m.role IN ('OWNER', 'ADMIN'))
                RETURNING \#(team)
                """#)

        // $1 team, $2 the caller (NULL for a system admin), who must be an OWNER of it.
        case .delete:
            return .write(#"""
                DELETE FROM "Team" t WHERE t.id = $1::bigint
                  AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $2::bigint AND m.role = 'OWNER'))
                """#)

        // The slug a team asked for while unpublished, and its parent; one row when the team exists.
        case .requestedSlug:
            return .read(#"""
                SELECT CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata->>'requestedSlug' END, "parentId"
                FROM "Team" WHERE id = $1::bigint
                """#)

        // Publishing without billing (self-hosted): the slug requested while the team was unpublished
        // becomes its slug. $2 the caller (NULL for a system admin), an OWNER or ADMIN of the team.
        // No row when there is no requested slug.
        case .publish:
            return .write(#"""
                UPDATE "Team" t SET slug = t.metadata->>'requestedSlug', metadata = t.metadata - 'requestedSlug'
                WHERE t.id = $1::bigint AND jsonb_typeof(t.metadata) = 'object' AND COALESCE(t.metadata->>'requestedSlug', '') <> ''
                  AND ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $2::bigint
                                                                                  AND m.role IN ('OWNER', 'ADMIN')))
                RETURNING t.id
                """#)
        }
    }
}
