import PluginSDK

/// JSON Schemas of the booking routes, with Cal.com's rules and zod's messages.
enum BookingsSchemas {
    static let statuses = #"["CANCELLED","ACCEPTED","REJECTED","PENDING","AWAITING_HOST"]"#

    /// `GET /bookings` (not strict: unknown parameters are ignored).
    static let listQuery = QuerySchema.properties(#"""
        \#(SchemaFragments.pagination),
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
    /// before `responses` existed, in the legacy props (checked by the handler, as is the type of
    /// `eventTypeId`, which it answers with Cal.com's own messages; the document states both).
    static let createBody = #"""
        {"type":"object","required":["eventTypeId","start","timeZone","language","metadata"],
         "x-document":{"anyOf":[{"required":["responses"]},{"required":["name","email"]}]},
         "example":{"eventTypeId":12,"start":"2031-05-06T09:00:00Z","end":"2031-05-06T09:30:00Z","timeZone":"Europe/London",
           "language":"en","metadata":{"source":"crm"},
           "responses":{"name":"Ada Lovelace","email":"ada@example.com","guests":["charles@example.com"],"notes":"Agenda: the Q2 roadmap"}},
         "properties":{
          "eventTypeId":{"x-document":{"type":"integer","minimum":1,"maximum":2147483647}},
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

    /// What `GET` answers for one booking (`schemaBookingReadPublic`): `BookingsJSON.booking`.
    static let publicBooking = #"""
        {"type":"object","properties":{\#(commonFields),
          "attendees":{"type":"array","items":{"type":"object","properties":{\#(attendeeFields)}}},
          "user":{"type":"object","nullable":true,"properties":{\#(userFields)}},
          "eventType":{"type":"object","nullable":true,"description":"only with expand=team","properties":{"title":{"type":"string"},
            "slug":{"type":"string"},"team":{"type":"object","nullable":true,"properties":{"name":{"type":"string"},"slug":{"type":"string","nullable":true}}}}},
          "payment":\#(payment)},
         "example":{"id":31,"userId":7,"description":"Agenda: the Q2 roadmap","eventTypeId":12,"uid":"bhr6T3kXw5ZyGJqNcM2aPf",
           "title":"30 min meeting between Grace Hopper and Ada Lovelace","startTime":"2031-05-06T09:00:00.000Z",
           "endTime":"2031-05-06T09:30:00.000Z",
           "attendees":[{"id":52,"email":"ada@example.com","name":"Ada Lovelace","timeZone":"Europe/London","locale":"en"}],
           "user":{"email":"grace@example.com","name":"Grace Hopper","timeZone":"America/New_York","locale":"en"},
           "payment":[],"metadata":{"source":"crm"},"status":"ACCEPTED",
           "responses":{"name":"Ada Lovelace","email":"ada@example.com","notes":"Agenda: the Q2 roadmap"},
           "fromReschedule":null,"cancelledBy":null,"rescheduledBy":null,"createdAt":"2031-04-28T14:02:11.000Z"}}
        """#

    /// What `POST /bookings` answers: the whole row, as `BookingsJSON.created` builds it.
    static let createdBooking = #"""
        {"type":"object","properties":{\#(commonFields),
          "idempotencyKey":{"type":"string","nullable":true},"userPrimaryEmail":{"type":"string","nullable":true},
          "customInputs":{"description":"any JSON value"},"location":{"type":"string","nullable":true},
          "updatedAt":{"type":"string","format":"date-time","nullable":true},"paid":{"type":"boolean"},
          "destinationCalendarId":{"type":"integer","nullable":true},"cancellationReason":{"type":"string","nullable":true},
          "rejectionReason":{"type":"string","nullable":true},"reassignReason":{"type":"string","nullable":true},
          "reassignById":{"type":"integer","nullable":true},"dynamicEventSlugRef":{"type":"string","nullable":true},
          "dynamicGroupSlugRef":{"type":"string","nullable":true},"rescheduled":{"type":"boolean","nullable":true},
          "recurringEventId":{"type":"string","nullable":true},"smsReminderNumber":{"type":"string","nullable":true},
          "scheduledJobs":{"type":"array","nullable":true,"items":{"type":"string"}},"isRecorded":{"type":"boolean"},
          "iCalUID":{"type":"string","nullable":true},"iCalSequence":{"type":"integer"},"rating":{"type":"integer","nullable":true},
          "ratingFeedback":{"type":"string","nullable":true},"noShowHost":{"type":"boolean","nullable":true},
          "creationSource":{"type":"string","nullable":true,"example":"API_V1"},
          "attendees":{"type":"array","items":{"type":"object","properties":{\#(attendeeFields),
            "phoneNumber":{"type":"string","nullable":true},"bookingId":{"type":"integer","nullable":true},
            "noShow":{"type":"boolean","nullable":true}}}},
          "user":{"type":"object","nullable":true,"properties":{"id":{"type":"integer"},"username":{"type":"string","nullable":true},\#(userFields)}},
          "payment":\#(payment),
          "references":{"type":"array","items":{"type":"object","properties":{
            "id":{"type":"integer"},"type":{"type":"string"},"bookingId":{"type":"integer","nullable":true},"uid":{"type":"string"},
            "meetingId":{"type":"string","nullable":true},"meetingPassword":{"type":"string","nullable":true},
            "meetingUrl":{"type":"string","nullable":true},"deleted":{"type":"boolean","nullable":true}}}}},
         "example":{"id":31,"uid":"bhr6T3kXw5ZyGJqNcM2aPf","idempotencyKey":null,"userId":7,"userPrimaryEmail":null,"eventTypeId":12,
           "title":"30 min meeting between Grace Hopper and Ada Lovelace","description":"Agenda: the Q2 roadmap","customInputs":{},
           "responses":{"name":"Ada Lovelace","email":"ada@example.com","guests":["charles@example.com"],"notes":"Agenda: the Q2 roadmap"},
           "startTime":"2031-05-06T09:00:00.000Z","endTime":"2031-05-06T09:30:00.000Z","location":null,
           "createdAt":"2031-04-28T14:02:11.000Z","updatedAt":"2031-04-28T14:02:11.000Z","status":"ACCEPTED","paid":false,
           "destinationCalendarId":null,"cancellationReason":null,"rejectionReason":null,"reassignReason":null,"reassignById":null,
           "dynamicEventSlugRef":null,"dynamicGroupSlugRef":null,"rescheduled":null,"fromReschedule":null,"recurringEventId":null,
           "smsReminderNumber":null,"scheduledJobs":[],"metadata":{"source":"crm"},"isRecorded":false,"iCalUID":"","iCalSequence":0,
           "rating":null,"ratingFeedback":null,"noShowHost":false,"cancelledBy":null,"rescheduledBy":null,"creationSource":"API_V1",
           "attendees":[{"id":52,"email":"ada@example.com","name":"Ada Lovelace","timeZone":"Europe/London","phoneNumber":null,
             "locale":"en","bookingId":31,"noShow":false},
             {"id":53,"email":"charles@example.com","name":"","timeZone":"Europe/London","phoneNumber":null,"locale":"en",
             "bookingId":31,"noShow":false}],
           "user":{"id":7,"username":"grace","email":"grace@example.com","name":"Grace Hopper","timeZone":"America/New_York","locale":"en"},
           "payment":[],"references":[]}}
        """#

    /// The 400 of `POST /bookings`: Cal.com's error code, and calapi's explanation when a slot is refused.
    static let refusal = #"""
        {"type":"object","required":["message"],"properties":{
          "message":{"type":"string","description":"Cal.com's error code or message, which clients match on"},
          "reason":{"type":"string","description":"calapi's explanation of a refused slot (an addition)"}},
         "example":{"message":"no_available_users_found_error","reason":"The slot overlaps an accepted booking of every host (buffers included)"}}
        """#

    /// Members of both booking shapes.
    private static let commonFields = #"""
        "id":{"type":"integer"},"userId":{"type":"integer","nullable":true},"description":{"type":"string","nullable":true},
        "eventTypeId":{"type":"integer","nullable":true},"uid":{"type":"string"},"title":{"type":"string"},
        "startTime":{"type":"string","format":"date-time"},"endTime":{"type":"string","format":"date-time"},
        "metadata":{"type":"object","nullable":true},"status":{"type":"string","enum":\#(statuses)},
        "responses":{"type":"object","nullable":true},"fromReschedule":{"type":"string","nullable":true},
        "cancelledBy":{"type":"string","nullable":true},"rescheduledBy":{"type":"string","nullable":true},
        "createdAt":{"type":"string","format":"date-time"}
        """#
    private static let attendeeFields = #"""
        "id":{"type":"integer"},"email":{"type":"string"},"name":{"type":"string"},"timeZone":{"type":"string"},
        "locale":{"type":"string","nullable":true}
        """#
    private static let userFields = #"""
        "email":{"type":"string"},"name":{"type":"string","nullable":true},"timeZone":{"type":"string"},"locale":{"type":"string","nullable":true}
        """#
    private static let payment = #"""
        {"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"success":{"type":"boolean"},
          "paymentOption":{"type":"string","nullable":true}}}}
        """#
}
