/// JSON Schemas of the booking-reference routes: every column but `id`, strict; `type`, `uid` and
/// `bookingId` are required on create, nothing on edit.
enum BookingReferencesSchemas {
    private static let fields = #"""
        "type":{"type":"string","minLength":1},
        "uid":{"type":"string","minLength":1},
        "meetingId":{"type":"string","nullable":true},
        "meetingPassword":{"type":"string","nullable":true},
        "meetingUrl":{"type":"string","nullable":true},
        "externalCalendarId":{"type":"string","nullable":true},
        "deleted":{"type":"boolean","nullable":true},
        "credentialId":{"type":"integer","nullable":true},
        "thirdPartyRecurringEventId":{"type":"string","nullable":true},
        "domainWideDelegationCredentialId":{"type":"string","nullable":true}
        """#

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["type","uid","bookingId"],"properties":{
          "bookingId":{"type":"integer"},\#(fields)}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "bookingId":{"type":"integer"},\#(fields)}}
        """#

    /// `schemaBookingReferenceReadPublic`.
    static let publicReference = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"type":{"type":"string"},"bookingId":{"type":"integer","nullable":true},
          "uid":{"type":"string"},"meetingId":{"type":"string","nullable":true},
          "meetingPassword":{"type":"string","nullable":true},"meetingUrl":{"type":"string","nullable":true},
          "deleted":{"type":"boolean","nullable":true}},
         "example":{"id":14,"type":"daily_video","bookingId":31,"uid":"a1b2c3d4e5","meetingId":"a1b2c3d4e5",
           "meetingPassword":null,"meetingUrl":"https://example.daily.co/a1b2c3d4e5","deleted":null}}
        """#
}
