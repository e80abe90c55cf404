import PluginSDK

/// JSON Schemas of the Teams routes, after Cal.com's `schemaTeamCreateBodyParams` /
/// `schemaTeamUpdateBodyParams` (both strict: the generated Team model minus `id` and `createdAt`,
/// `name` at most 255 characters, `ownerId` on create only). Only `name` is required on create;
/// integers are bounded to the `integer` columns' range so that no value fails in the database.
enum TeamsSchemas {
    /// Keys of `teamMetadataSchema` only system admins write: billing and organization state, which
    /// Cal.com's web app sets itself, never from a team admin's input.
    static let adminMetadataKeys = ["paymentId", "subscriptionId", "subscriptionItemId", "orgSeats", "orgPricePerSeat",
                                    "migratedToOrgFrom", "billingPeriod"]
    /// Keys a team's own OWNERs and ADMINs write.
    static let ownerMetadataKeys = ["requestedSlug"]
    /// Keys `teamMetadataSchema` knows; others are dropped when stored, as zod stripped them.
    static let metadataKeys = ownerMetadataKeys + adminMetadataKeys
    /// Keys of `intervalLimitsType` (`bookingLimits`).
    static let limitKeys = ["PER_DAY", "PER_WEEK", "PER_MONTH", "PER_YEAR"]

    private static let metadata = #"""
        {"type":"object","nullable":true,"properties":{
          "requestedSlug":{"type":"string","nullable":true},"paymentId":{"type":"string"},
          "subscriptionId":{"type":"string","nullable":true},"subscriptionItemId":{"type":"string","nullable":true},
          "orgSeats":{"type":"number","nullable":true},"orgPricePerSeat":{"type":"number","nullable":true},
          "migratedToOrgFrom":{"type":"object","properties":{"teamSlug":{"type":"string","nullable":true},
            "lastMigrationTime":{"type":"string"},"reverted":{"type":"boolean"},"lastRevertTime":{"type":"string"}}},
          "billingPeriod":{"type":"string","enum":["MONTHLY","ANNUALLY"]}}}
        """#

    private static let bookingLimits = #"""
        {"type":"object","nullable":true,"properties":{"PER_DAY":{"type":"number"},"PER_WEEK":{"type":"number"},
          "PER_MONTH":{"type":"number"},"PER_YEAR":{"type":"number"}}}
        """#

    /// The Team columns a client may write (`logo` is v1's name of `logoUrl`).
    private static let fields = #"""
        "name":{"type":"string","maxLength":255},
        "slug":{"type":"string","minLength":1,"nullable":true},
        "logo":{"type":"string","nullable":true},
        "logoUrl":{"type":"string","nullable":true},
        "calVideoLogo":{"type":"string","nullable":true},
        "appLogo":{"type":"string","nullable":true},
        "appIconLogo":{"type":"string","nullable":true},
        "bio":{"type":"string","nullable":true},
        "hideBranding":{"type":"boolean"},
        "isPrivate":{"type":"boolean"},
        "hideBookATeamMember":{"type":"boolean"},
        "metadata":\#(metadata),
        "theme":{"type":"string","nullable":true},
        "brandColor":{"type":"string","nullable":true},
        "darkBrandColor":{"type":"string","nullable":true},
        "bannerUrl":{"type":"string","nullable":true},
        "parentId":{"type":"integer","minimum":-2147483648,"maximum":2147483647,"nullable":true},
        "timeFormat":{"type":"integer","minimum":-2147483648,"maximum":2147483647,"nullable":true},
        "timeZone":{"type":"string"},
        "weekStart":{"type":"string"},
        "isOrganization":{"type":"boolean"},
        "pendingPayment":{"type":"boolean"},
        "isPlatform":{"type":"boolean"},
        "createdByOAuthClientId":{"type":"string","nullable":true},
        "smsLockState":{"type":"string","enum":["LOCKED","UNLOCKED","REVIEW_NEEDED"]},
        "smsLockReviewedByAdmin":{"type":"boolean"},
        "bookingLimits":\#(bookingLimits),
        "includeManagedEventsInLimits":{"type":"boolean"}
        """#

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["name"],"properties":{\#(fields),
          "ownerId":{"type":"integer","minimum":-2147483648,"maximum":2147483647,"description":"System admins only: the user made OWNER instead of the caller"}}}
        """#

    static let editBody = #"{"type":"object","additionalProperties":false,"properties":{\#(fields)}}"#

    /// `POST /teams`: the team, the OWNER membership made with it, and a message.
    static let created = ##"""
        {"type":"object","required":["team","owner","message"],"properties":{
          "team":{"$ref":"#/components/schemas/Team"},
          "owner":\##(ModelSchemas.membership),
          "message":{"type":"string","example":"Team created successfully. We also made user with ID=7 the owner of this team."}}}
        """##
}
