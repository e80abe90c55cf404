/// JSON Schemas of the Attendees routes (`schemaAttendeeCreateBodyParams` / `…EditBodyParams`,
/// both strict; `locale` is not accepted).
enum AttendeesSchemas {
    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["bookingId","email","name","timeZone"],"properties":{
          "bookingId":{"type":"integer"},
          "email":{"type":"string","format":"email"},
          "name":{"type":"string"},
          "timeZone":{"type":"string","format":"timezone"}}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "bookingId":{"type":"integer","nullable":true},
          "email":{"type":"string","format":"email"},
          "name":{"type":"string"},
          "timeZone":{"type":"string","format":"timezone"}}}
        """#

    /// `schemaAttendeeReadPublic`.
    static let publicAttendee = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"bookingId":{"type":"integer","nullable":true},"name":{"type":"string"},
          "email":{"type":"string"},"timeZone":{"type":"string"}},
         "example":{"id":52,"bookingId":31,"name":"Ada Lovelace","email":"ada@example.com","timeZone":"Europe/London"}}
        """#
}
