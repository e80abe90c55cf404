/// JSON Schemas (with examples) of the objects `ModelJSON` builds, for every plugin that answers
/// them: the document then describes one team or membership the same way wherever it appears.
public enum ModelSchemas {
    /// `ModelJSON.team`: every `"Team"` column, plus v1's `logo`.
    public static let team = #"{"type":"object","properties":{\#(teamProperties)},"example":\#(teamExample)}"#

    /// `ModelJSON.membership`: every `"Membership"` column; `team` with `include=team`.
    public static let membership = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"teamId":{"type":"integer"},"userId":{"type":"integer"},"accepted":{"type":"boolean"},
          "role":{"type":"string","enum":["MEMBER","ADMIN","OWNER"]},"disableImpersonation":{"type":"boolean"},
          "team":{"type":"object","description":"With include=team: the team","properties":{\#(teamProperties)}}},
         "example":{"id":12,"teamId":4,"userId":7,"accepted":true,"role":"OWNER","disableImpersonation":false}}
        """#

    private static let teamProperties = #"""
        "id":{"type":"integer"},"name":{"type":"string"},"slug":{"type":"string","nullable":true},
        "logo":{"type":"string","nullable":true,"description":"v1 name of logoUrl (same value)"},
        "logoUrl":{"type":"string","nullable":true},"calVideoLogo":{"type":"string","nullable":true},
        "appLogo":{"type":"string","nullable":true},"appIconLogo":{"type":"string","nullable":true},
        "bio":{"type":"string","nullable":true},"hideBranding":{"type":"boolean"},"isPrivate":{"type":"boolean"},
        "hideBookATeamMember":{"type":"boolean"},"createdAt":{"type":"string","format":"date-time"},
        "metadata":{"type":"object","nullable":true},"theme":{"type":"string","nullable":true},
        "brandColor":{"type":"string","nullable":true},"darkBrandColor":{"type":"string","nullable":true},
        "bannerUrl":{"type":"string","nullable":true},"parentId":{"type":"integer","nullable":true},
        "timeFormat":{"type":"integer","nullable":true},"timeZone":{"type":"string"},"weekStart":{"type":"string"},
        "isOrganization":{"type":"boolean"},"pendingPayment":{"type":"boolean"},"isPlatform":{"type":"boolean"},
        "createdByOAuthClientId":{"type":"string","nullable":true},
        "smsLockState":{"type":"string","enum":["LOCKED","UNLOCKED","REVIEW_NEEDED"]},
        "smsLockReviewedByAdmin":{"type":"boolean"},"bookingLimits":{"type":"object","nullable":true},
        "includeManagedEventsInLimits":{"type":"boolean"}
        """#

    private static let teamExample = #"""
        {"id":4,"name":"Customer Success","slug":"customer-success","logo":null,"logoUrl":null,"calVideoLogo":null,
         "appLogo":null,"appIconLogo":null,"bio":"Onboarding calls and quarterly reviews","hideBranding":false,"isPrivate":false,
         "hideBookATeamMember":false,"createdAt":"2024-03-04T09:15:00.000Z","metadata":{},"theme":null,"brandColor":"#292929",
         "darkBrandColor":"#fafafa","bannerUrl":null,"parentId":null,"timeFormat":null,"timeZone":"Europe/London",
         "weekStart":"Monday","isOrganization":false,"pendingPayment":false,"isPlatform":false,"createdByOAuthClientId":null,
         "smsLockState":"UNLOCKED","smsLockReviewedByAdmin":false,"bookingLimits":null,"includeManagedEventsInLimits":false}
        """#
}
