/// SQL expressions that build the JSON object of a Cal.com model from a row, for every plugin
/// that returns that model (compact `row_to_json` over aliased columns, field names as Cal.com's
/// API v1 prints them). Constants composed into registered statements at init.
public enum ModelJSON {
    /// The team of row alias `t`: every `"Team"` column (schema S2), plus v1's `logo` filled from
    /// `logoUrl` for clients written before the column was renamed.
    public static func team(_ t: String) -> String {
        """
        (SELECT row_to_json(j) FROM (SELECT \(t).id, \(t).name, \(t).slug, \(t)."logoUrl" AS logo, \(t)."logoUrl",
          \(t)."calVideoLogo", \(t)."appLogo", \(t)."appIconLogo", \(t).bio, \(t)."hideBranding", \(t)."isPrivate",
          \(t)."hideBookATeamMember", \(SQLFragments.isoTimestamp("\(t).\"createdAt\"")) AS "createdAt", \(t).metadata,
          \(t).theme, \(t)."brandColor", \(t)."darkBrandColor", \(t)."bannerUrl", \(t)."parentId", \(t)."timeFormat",
          \(t)."timeZone", \(t)."weekStart", \(t)."isOrganization", \(t)."pendingPayment", \(t)."isPlatform",
          \(t)."createdByOAuthClientId", \(t)."smsLockState", \(t)."smsLockReviewedByAdmin", \(t)."bookingLimits",
          \(t)."includeManagedEventsInLimits") j)
        """
    }

    /// The membership of row alias `m`: every `"Membership"` column (schema S2). With
    /// `teamAlias`, also `team`: the membership's team (row alias `teamAlias`, joined by the caller).
    public static func membership(_ m: String, teamAlias: String? = nil) -> String {
        let team = teamAlias.map { ", \(self.team($0)) AS team" } ?? ""
        return """
            (SELECT row_to_json(j) FROM (SELECT \(m).id, \(m)."teamId", \(m)."userId", \(m).accepted, \(m).role,
              \(m)."disableImpersonation"\(team)) j)
            """
    }
}
