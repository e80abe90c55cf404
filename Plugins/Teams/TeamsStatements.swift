import PluginSDK

/// Every statement of the Teams plugin. Bodies arrive whole as one `jsonb` parameter and are read
/// in SQL (`b ? 'x'` for presence), so each write is one fixed statement.
enum TeamsStatements {
    static var find = Statement.unset
    static var list = Statement.unset
    static var slugTaken = Statement.unset
    static var userExists = Statement.unset
    static var insert = Statement.unset
    static var update = Statement.unset
    static var delete = Statement.unset
    static var publish = Statement.unset
    static var requestedSlug = Statement.unset

    /// The object `expression` with only `keys` kept, as zod's non-strict objects strip the rest.
    private static func pick(_ expression: String, _ keys: [String]) -> String {
        let list = keys.map { "'\($0)'" }.joined(separator: ", ")
        return "(SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(\(expression)) e WHERE e.key IN (\(list)))"
    }

    /// A sent `metadata` / `bookingLimits`: JSON null is stored as `{}` (Cal.com's `null → {}`).
    private static func sentObject(_ key: String, _ keys: [String]) -> String {
        "CASE WHEN jsonb_typeof(b->'\(key)') = 'object' THEN \(pick("b->'\(key)'", keys)) ELSE '{}'::jsonb END"
    }

    static func register(_ registrar: inout PluginRegistrar) {
        let team = ModelJSON.team("t")
        let metadata = sentObject("metadata", TeamsSchemas.metadataKeys)
        let limits = sentObject("bookingLimits", TeamsSchemas.limitKeys)

        find = registrar.statement("find", #"SELECT \#(team), t.slug, t."parentId" FROM "Team" t WHERE t.id = $1::bigint"#)

        // One page ($2 LIMIT, $3 OFFSET) of the teams user $1 has a membership of (any role,
        // accepted or not), or of every team when $1 is NULL.
        list = registrar.statement("list", SQLFragments.jsonPage(team, table: #""Team""#, alias: "t", from: #"""
            "Team" t
            WHERE $1::bigint IS NULL
               OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t.id AND m."userId" = $1::bigint)
            """#, orderBy: "t.id", limit: "$2", offset: "$3"))

        // $1 slug (case-insensitive); $2 a team to ignore (the one being edited) or NULL;
        // $3 whether to look only among teams with parent $4 (top-level teams when $4 is NULL).
        slugTaken = registrar.statement("slug_taken", #"""
            SELECT 1 FROM "Team"
            WHERE lower(slug) = lower($1::text)
              AND ($2::bigint IS NULL OR id <> $2::bigint)
              AND (NOT $3::boolean OR "parentId" IS NOT DISTINCT FROM $4::int)
            LIMIT 1
            """#)

        userExists = registrar.statement("user_exists", "SELECT 1 FROM users WHERE id = $1::bigint")

        // $1 body, $2 the owner's user id. The team and its OWNER membership in one statement.
        insert = registrar.statement("insert", writes: true, #"""
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
                CASE WHEN b ? 'metadata' THEN \#(metadata) END, b->>'theme', b->>'brandColor', b->>'darkBrandColor',
                b->>'bannerUrl', (b->>'parentId')::int, (b->>'timeFormat')::int, COALESCE(b->>'timeZone', 'Europe/London'),
                COALESCE(b->>'weekStart', 'Sunday'), COALESCE((b->>'isOrganization')::boolean, false),
                COALESCE((b->>'pendingPayment')::boolean, false), COALESCE((b->>'isPlatform')::boolean, false),
                b->>'createdByOAuthClientId', COALESCE(b->>'smsLockState', 'UNLOCKED')::"SMSLockState",
                COALESCE((b->>'smsLockReviewedByAdmin')::boolean, false),
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

        // $1 team, $2 body. A slug sent to a team without one (not yet published) is kept in
        // `metadata.requestedSlug` instead; every edit clears `smsLockReviewedByAdmin`, as Cal.com's did.
        update = registrar.statement("update", writes: true, #"""
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
                WHEN b ? 'metadata' THEN \#(metadata)
                ELSE t.metadata END,
              theme = CASE WHEN b ? 'theme' THEN b->>'theme' ELSE t.theme END,
              "brandColor" = CASE WHEN b ? 'brandColor' THEN b->>'brandColor' ELSE t."brandColor" END,
              "darkBrandColor" = CASE WHEN b ? 'darkBrandColor' THEN b->>'darkBrandColor' ELSE t."darkBrandColor" END,
              "bannerUrl" = CASE WHEN b ? 'bannerUrl' THEN b->>'bannerUrl' ELSE t."bannerUrl" END,
              "parentId" = CASE WHEN b ? 'parentId' THEN (b->>'parentId')::int ELSE t."parentId" END,
              "timeFormat" = CASE WHEN b ? 'timeFormat' THEN (b->>'timeFormat')::int ELSE t."timeFormat" END,
              "timeZone" = COALESCE(b->>'timeZone', t."timeZone"),
              "weekStart" = COALESCE(b->>'weekStart', t."weekStart"),
              "isOrganization" = COALESCE((b->>'isOrganization')::boolean, t."isOrganization"),
              "pendingPayment" = COALESCE((b->>'pendingPayment')::boolean, t."pendingPayment"),
              "isPlatform" = COALESCE((b->>'isPlatform')::boolean, t."isPlatform"),
              "createdByOAuthClientId" = CASE WHEN b ? 'createdByOAuthClientId' THEN b->>'createdByOAuthClientId'
                                         ELSE t."createdByOAuthClientId" END,
              "smsLockState" = COALESCE((b->>'smsLockState')::"SMSLockState", t."smsLockState"),
              "smsLockReviewedByAdmin" = false,
              "bookingLimits" = CASE WHEN b ? 'bookingLimits' THEN \#(limits) ELSE t."bookingLimits" END,
              "includeManagedEventsInLimits" = COALESCE((b->>'includeManagedEventsInLimits')::boolean,
                                                        t."includeManagedEventsInLimits")
            FROM (SELECT $2::jsonb AS b) AS input
            WHERE t.id = $1::bigint
            RETURNING \#(team)
            """#)

        delete = registrar.statement("delete", writes: true, #"DELETE FROM "Team" WHERE id = $1::bigint"#)

        // The slug a team asked for while unpublished, and its parent; one row when the team exists.
        requestedSlug = registrar.statement("requested_slug", #"""
            SELECT CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata->>'requestedSlug' END, "parentId"
            FROM "Team" WHERE id = $1::bigint
            """#)

        // Publishing without billing (self-hosted): the slug requested while the team was unpublished
        // becomes its slug. No row when there is no requested slug.
        publish = registrar.statement("publish", writes: true, #"""
            UPDATE "Team" t SET slug = t.metadata->>'requestedSlug', metadata = t.metadata - 'requestedSlug'
            WHERE t.id = $1::bigint AND jsonb_typeof(t.metadata) = 'object' AND COALESCE(t.metadata->>'requestedSlug', '') <> ''
            RETURNING t.id
            """#)
    }
}
