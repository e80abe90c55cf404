import PluginSDK

/// JSON Schemas of the Users routes: the host validates with them and documents them, so the two
/// cannot disagree. Field rules follow Cal.com's `schemaUserCreateBodyParams` /
/// `schemaUserEditBodyParams` (both strict), with zod's messages.
enum UsersSchemas {
    static let weekdays = #"["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"]"#
    static let locales = #"["en","fr","it","ru","es","de","pt","ro","nl","pt-BR","es-419","ko","ja","pl","ar","iw","zh-CN","zh-TW","cs","sr","sv","vi","bn"]"#

    /// Fields both bodies accept, with their constraints (`required` and nullability of `locale` differ).
    private static func fields(localeNullable: Bool, withCreatedDate: Bool) -> String {
        let created = withCreatedDate ? #","createdDate":{"type":"string","format":"date-time"}"# : ""
        return #"""
            "email":{"type":"string","format":"email"},
            "username":{"type":"string"},
            "name":{"type":"string","nullable":true},
            "bio":{"type":"string","nullable":true},
            "weekStart":{"type":"string","enum":\#(weekdays)},
            "brandColor":{"type":"string","minLength":4,"maxLength":9,"pattern":"^#"},
            "darkBrandColor":{"type":"string","minLength":4,"maxLength":9,"pattern":"^#"},
            "hideBranding":{"type":"boolean"},
            "timeZone":{"type":"string","format":"timezone"},
            "theme":{"type":"string","enum":["dark","light"],"nullable":true},
            "appTheme":{"type":"string","enum":["dark","light"],"nullable":true},
            "timeFormat":{"type":"integer","enum":[12,24]},
            "defaultScheduleId":{"type":"integer","minimum":1,"nullable":true,"x-message":"Invalid input"},
            "locale":{"type":"string","enum":\#(locales)\#(localeNullable ? #","nullable":true"# : "")},
            "avatar":{"type":"string","pattern":"^data:image/[a-zA-Z0-9.+-]+;base64,(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$","x-message":"Invalid input"},
            "allowDynamicBooking":{"type":"boolean","nullable":true},
            "role":{"type":"string","enum":["USER","ADMIN"]}\#(created)
            """#
    }

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["email","username"],"properties":{\#(fields(localeNullable: false, withCreatedDate: true))}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{\#(fields(localeNullable: true, withCreatedDate: false))}}
        """#

    /// `GET /users`: pagination and an email filter (one address or several).
    static let listQuery = QuerySchema.properties(#"""
        \#(SchemaFragments.pagination),
        "email":{"anyOf":[{"type":"string","format":"email"},{"type":"array","items":{"type":"string","format":"email"}}]}
        """#)

    /// What every response's user object holds (`schemaUserReadPublic`).
    static let publicUser = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"username":{"type":"string","nullable":true},"name":{"type":"string","nullable":true},
          "email":{"type":"string"},"emailVerified":{"type":"string","format":"date-time","nullable":true},
          "bio":{"type":"string","nullable":true},"avatar":{"type":"string","nullable":true},"timeZone":{"type":"string"},
          "weekStart":{"type":"string"},"endTime":{"type":"integer"},"bufferTime":{"type":"integer"},
          "appTheme":{"type":"string","nullable":true},"theme":{"type":"string","nullable":true},
          "defaultScheduleId":{"type":"integer","nullable":true},"locale":{"type":"string","nullable":true},
          "timeFormat":{"type":"integer","nullable":true},"hideBranding":{"type":"boolean"},
          "brandColor":{"type":"string","nullable":true},"darkBrandColor":{"type":"string","nullable":true},
          "allowDynamicBooking":{"type":"boolean","nullable":true},"createdDate":{"type":"string","format":"date-time"},
          "verified":{"type":"boolean","nullable":true},"invitedTo":{"type":"integer","nullable":true},
          "role":{"type":"string","enum":["USER","ADMIN"]}},
         "example":{"id":7,"username":"grace","name":"Grace Hopper","email":"grace@example.com",
           "emailVerified":"2024-01-15T10:00:00.000Z","bio":"Engineering manager","avatar":null,"timeZone":"America/New_York",
           "weekStart":"Monday","endTime":1440,"bufferTime":0,"appTheme":null,"theme":null,"defaultScheduleId":3,"locale":"en",
           "timeFormat":24,"hideBranding":false,"brandColor":"#292929","darkBrandColor":"#fafafa","allowDynamicBooking":true,
           "createdDate":"2024-01-15T09:58:12.000Z","verified":false,"invitedTo":null,"role":"USER"}}
        """#

    /// `GET /users`: the page of users and how many users the caller may see in all.
    static let list = ##"""
        {"type":"object","required":["users","total"],"properties":{
          "users":{"type":"array","items":{"$ref":"#/components/schemas/User"}},
          "total":{"type":"integer","description":"Users in the whole list, whatever the page","example":1}}}
        """##
}
