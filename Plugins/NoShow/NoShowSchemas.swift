/// The body and answer of `POST /no-show`, after Cal.com's `ZNoShowInputSchema` (unknown keys are
/// ignored) and `handleMarkNoShow`.
enum NoShowSchemas {
    static let body = #"""
        {"type":"object","required":["bookingUid"],"properties":{
          "bookingUid":{"type":"string"},
          "attendees":{"type":"array","items":{"type":"object","required":["email","noShow"],"properties":{
            "email":{"type":"string"},"noShow":{"type":"boolean"}}}}}}
        """#

    static let answer = #"""
        {"type":"object","properties":{
          "attendees":{"type":"array","items":{"type":"object","properties":{"email":{"type":"string"},"noShow":{"type":"boolean"}}}},
          "noShowHost":{"type":"boolean"},"message":{"type":"string"}},
         "example":{"attendees":[{"email":"ada@example.com","noShow":true}],"noShowHost":false,
           "message":"ada@example.com marked as no-show"}}
        """#
}
