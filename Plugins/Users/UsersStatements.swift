import PluginSDK

/// Every statement of the plugin. Users come back as JSON built by PostgreSQL, in the field
/// order and formats of Cal.com's `schemaUserReadPublic` (`avatar` is read from `avatarUrl`).
enum UsersSQL: StatementSet {
    case find, list, usernameTaken, scheduleOwned, insert, update, delete

    /// The public user object of the row aliased `u`, as compact JSON (`row_to_json` adds no spaces).
    static let userJSON = """
        (SELECT row_to_json(p) FROM (SELECT u.id, u.username, u.name, u.email,
          \(SQLFragments.isoTimestamp(#"u."emailVerified""#)) AS "emailVerified", u.bio, u."avatarUrl" AS avatar,
          u."timeZone", u."weekStart", u."endTime", u."bufferTime", u."appTheme", u.theme, u."defaultScheduleId",
          u.locale, u."timeFormat", u."hideBranding", u."brandColor", u."darkBrandColor", u."allowDynamicBooking",
          \(SQLFragments.isoTimestamp("u.created")) AS "createdDate", u.verified, u."invitedTo", u.role) p)
        """

    var statement: Statement {
        let userJSON = Self.userJSON
        let claim = #"$3::int IS NOT NULL AND b ? 'email' AND lower(b->>'email') <> lower(old.email)"#
        switch self {
        // $1 id, $2 the only user allowed (NULL for admins).
        case .find:
            return .read("SELECT \(userJSON) FROM users u WHERE u.id = $1::int AND ($2::int IS NULL OR u.id = $2::int)")

        // $1 restricts to one user (non-admins), $2 is one email or a JSON array of emails.
        case .list:
            return .read("""
                WITH filtered AS (
                  SELECT u.id FROM users u
                  WHERE ($1::int IS NULL OR u.id = $1::int)
                    AND ($2::jsonb IS NULL OR lower(u.email) IN (
                      SELECT lower(e) FROM jsonb_array_elements_text(
                        CASE WHEN jsonb_typeof($2::jsonb) = 'array' THEN $2::jsonb ELSE jsonb_build_array($2::jsonb) END) e))
                )
                SELECT (SELECT count(*) FROM filtered),
                       \(SQLFragments.jsonArray(userJSON, orderBy: "u.id", from: """
                         (SELECT id FROM filtered ORDER BY id LIMIT $3::bigint OFFSET $4::bigint) page JOIN users u ON u.id = page.id
                         """))
                """)

        // Cal.com's availability rule: no user outside an organization has the slugified name.
        case .usernameTaken:
            return .read("""
                SELECT 1 FROM users
                WHERE username = \(SQLFragments.slugify("$1"))
                  AND "organizationId" IS NULL AND ($2::int IS NULL OR id <> $2::int)
                LIMIT 1
                """)

        case .scheduleOwned:
            return .read(
                #"SELECT 1 FROM "Schedule" WHERE id = $1::int AND "userId" = $2::int"#)

        case .insert:
            return .write("""
                INSERT INTO users AS u (email, username, name, bio, "timeZone", "weekStart", theme, "appTheme", "timeFormat",
                  "defaultScheduleId", locale, "hideBranding", "brandColor", "darkBrandColor", "allowDynamicBooking", role,
                  created, "avatarUrl", "creationSource")
                SELECT lower(b->>'email'), lower(b->>'username'), b->>'name', b->>'bio',
                  COALESCE(b->>'timeZone', 'Europe/London'), COALESCE(b->>'weekStart', 'Sunday'), b->>'theme', b->>'appTheme',
                  CASE WHEN b ? 'timeFormat' THEN (b->>'timeFormat')::int ELSE 12 END,
                  (b->>'defaultScheduleId')::int, b->>'locale', COALESCE((b->>'hideBranding')::boolean, false),
                  b->>'brandColor', b->>'darkBrandColor',
                  CASE WHEN b ? 'allowDynamicBooking' THEN (b->>'allowDynamicBooking')::boolean ELSE true END,
                  COALESCE(b->>'role', 'USER')::"UserPermissionRole",
                  COALESCE((b->>'createdDate')::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'),
                  b->>'avatar', 'api_v1'
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \(userJSON)
                """)

        // $1 id, $2 body, $3 the caller (NULL for a system admin). Role and a truthy hideBranding are
        // applied for admins only. An email a non-admin changes loses its verification and is
        // recorded as claimed (SQLFragments.trustedEmail), in this same statement; an admin's change
        // keeps it, as Cal.com does.
        case .update:
            return .write("""
                WITH input AS (SELECT $2::jsonb AS b),
                old AS (SELECT o.id, o.email FROM users o WHERE o.id = $1::int AND ($3::int IS NULL OR o.id = $3::int) FOR UPDATE),
                changed AS (
                UPDATE users AS u SET
                  email = CASE WHEN b ? 'email' THEN lower(b->>'email') ELSE u.email END,
                  "emailVerified" = CASE WHEN \(claim) THEN NULL ELSE u."emailVerified" END,
                  username = CASE WHEN b ? 'username' THEN lower(b->>'username') ELSE u.username END,
                  name = CASE WHEN b ? 'name' THEN b->>'name' ELSE u.name END,
                  bio = CASE WHEN b ? 'bio' THEN b->>'bio' ELSE u.bio END,
                  "timeZone" = COALESCE(b->>'timeZone', u."timeZone"),
                  "weekStart" = COALESCE(b->>'weekStart', u."weekStart"),
                  theme = CASE WHEN b ? 'theme' THEN b->>'theme' ELSE u.theme END,
                  "appTheme" = CASE WHEN b ? 'appTheme' THEN b->>'appTheme' ELSE u."appTheme" END,
                  "timeFormat" = CASE WHEN b ? 'timeFormat' THEN (b->>'timeFormat')::int ELSE u."timeFormat" END,
                  "defaultScheduleId" = CASE WHEN b ? 'defaultScheduleId' THEN (b->>'defaultScheduleId')::int ELSE u."defaultScheduleId" END,
                  locale = CASE WHEN b ? 'locale' THEN b->>'locale' ELSE u.locale END,
                  "hideBranding" = CASE WHEN b ? 'hideBranding' AND ($3::int IS NULL OR NOT (b->>'hideBranding')::boolean)
                                   THEN (b->>'hideBranding')::boolean ELSE u."hideBranding" END,
                  "brandColor" = COALESCE(b->>'brandColor', u."brandColor"),
                  "darkBrandColor" = COALESCE(b->>'darkBrandColor', u."darkBrandColor"),
                  "allowDynamicBooking" = CASE WHEN b ? 'allowDynamicBooking' THEN (b->>'allowDynamicBooking')::boolean ELSE u."allowDynamicBooking" END,
                  role = CASE WHEN b ? 'role' AND $3::int IS NULL THEN (b->>'role')::"UserPermissionRole" ELSE u.role END,
                  "avatarUrl" = COALESCE(b->>'avatar', u."avatarUrl")
                FROM input, old
                WHERE u.id = old.id
                RETURNING u.id, u.email, \(userJSON) AS j, \(claim) AS claimed),
                recorded AS (
                  INSERT INTO \(SQLFragments.unverifiedEmailTable) (user_id, email, changed_at)
                  SELECT id, email, now() FROM changed WHERE claimed
                  ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, changed_at = EXCLUDED.changed_at)
                SELECT j FROM changed
                """)

        // $1 id, $2 the only user allowed (NULL for admins).
        case .delete:
            return .write("DELETE FROM users WHERE id = $1::int AND ($2::int IS NULL OR id = $2::int)")
        }
    }
}
