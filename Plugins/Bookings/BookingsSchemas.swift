import PluginSDK

/// JSON Schemas of the booking routes, with Cal.com's rules and zod's messages.
enum BookingsSchemas {
    static let statuses = #"["CANCELLED","ACCEPTED","REJECTED","PENDING","AWAITING_HOST"]"#

    /// `GET /bookings` (not strict: unknown parameters are ignored).
    static let listQuery = QuerySchema.properties(#"""
        "take":{"type":"integer","minimum":1},
        "page":{"type":"integer","minimum":1},
        "userId":{"anyOf":[{"type":"integer"},{"type":"array","items":{"type":"integer"}}]},
        "attendeeEmail":{"anyOf":[{"type":"string","format":"email"},{"type":"array","items":{"type":"string","format":"email"}}]},
        "dateFrom":{"type":"string","format":"date-time"},
        "dateTo":{"type":"string","format":"date-time"},
        "order":{"type":"string","enum":["asc","desc"]},
        "sortBy":{"type":"string","enum":["createdAt","updatedAt"]},
        "status":{"type":"string","enum":["upcoming"]},
        "expand":\#(expand)
        """#)

    private static let expand = #"{"anyOf":[{"type":"string","enum":["team"]},{"type":"array","items":{"type":"string","enum":["team"]}}]}"#

    /// `GET /bookings/{id}`: `expand=team` as in the list.
    static let expandQuery = QuerySchema.properties(#""expand":\#(expand)"#)

    /// `schemaBookingEditBodyParams` (strict; `uid`, `start`/`end`, `responses` are not accepted).
    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "userId":{"type":"integer"},
          "eventTypeId":{"type":"integer","nullable":true},
          "title":{"type":"string"},
          "description":{"type":"string","nullable":true},
          "startTime":{"type":"string","format":"date-time"},
          "endTime":{"type":"string","format":"date-time"},
          "status":{"type":"string","enum":\#(statuses)},
          "cancelledBy":{"type":"string","format":"email","x-message":"Invalid Email"},
          "rescheduledBy":{"type":"string","format":"email","x-message":"Invalid Email"},
          "createdAt":{"type":"string","format":"date-time"}}}
        """#

    /// `POST /bookings` (not strict): the reduced E2 body; the booker comes in `responses` or, as
    /// before `responses` existed, in the legacy props (checked by the handler). `eventTypeId` has
    /// no type here: the handler answers a non-number with Cal.com's own message.
    static let createBody = #"""
        {"type":"object","required":["eventTypeId","start","timeZone","language","metadata"],"properties":{
          "eventTypeId":{},
          "start":{"type":"string","format":"date-time"},
          "end":{"type":"string","format":"date-time"},
          "timeZone":{"type":"string","format":"timezone","x-message":"Invalid timezone"},
          "language":{"type":"string"},
          "metadata":{"type":"object","additionalProperties":{"type":"string"}},
          "responses":{"type":"object","required":["name","email"],"properties":{
            "name":{"type":"string","minLength":1},
            "email":{"type":"string","format":"email"},
            "guests":{"type":"array","items":{"type":"string","format":"email"}},
            "notes":{"type":"string"}}},
          "name":{"type":"string","minLength":1},
          "email":{"type":"string","format":"email"},
          "location":{"type":"string"},
          "guests":{"type":"array","items":{"type":"string","format":"email"}},
          "notes":{"type":"string"}}}
        """#

    /// `DELETE /bookings/{id}` and `/cancel`: the cancellation parameters travel in the query.
    static let cancelQuery = QuerySchema.properties(#"""
        "allRemainingBookings":{"type":"string"},
        "cancellationReason":{"type":"string"},
        "cancelledBy":{"type":"string","format":"email"}
        """#)

    /// `POST /bookings/{id}/confirm`.
    static let confirmBody = #"""
        {"type":"object","required":["confirmed"],"properties":{
          "confirmed":{"type":"boolean"},
          "recurringEventId":{"type":"string","nullable":true},
          "reason":{"type":"string"}}}
        """#

    /// What `GET` answers for one booking (`schemaBookingReadPublic`).
    static let publicBooking = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"userId":{"type":"integer","nullable":true},"description":{"type":"string","nullable":true},
          "eventTypeId":{"type":"integer","nullable":true},"uid":{"type":"string"},"title":{"type":"string"},
          "startTime":{"type":"string","format":"date-time"},"endTime":{"type":"string","format":"date-time"},
          "attendees":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"email":{"type":"string"},
            "name":{"type":"string"},"timeZone":{"type":"string"},"locale":{"type":"string","nullable":true}}}},
          "user":{"type":"object","nullable":true,"properties":{"email":{"type":"string"},"name":{"type":"string","nullable":true},
            "timeZone":{"type":"string"},"locale":{"type":"string","nullable":true}}},
          "eventType":{"type":"object","nullable":true,"description":"only with expand=team","properties":{"title":{"type":"string"},
            "slug":{"type":"string"},"team":{"type":"object","nullable":true,"properties":{"name":{"type":"string"},"slug":{"type":"string","nullable":true}}}}},
          "payment":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"success":{"type":"boolean"},
            "paymentOption":{"type":"string","nullable":true}}}},
          "metadata":{"type":"object","nullable":true},"status":{"type":"string","enum":\#(statuses)},
          "responses":{"type":"object","nullable":true},"fromReschedule":{"type":"string","nullable":true},
          "cancelledBy":{"type":"string","nullable":true},"rescheduledBy":{"type":"string","nullable":true},
          "createdAt":{"type":"string","format":"date-time"}}}
        """#
}
