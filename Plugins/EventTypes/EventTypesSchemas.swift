import PluginSDK

/// JSON Schemas of the event-type routes, after Cal.com's `schemaEventTypeCreateParams` (unknown
/// keys stripped) and `schemaEventTypeEditParams` (strict).
enum EventTypesSchemas {
    /// Fields both bodies accept with the same rules (`schemaEventTypeBaseBodyParams`).
    private static let baseFields = #"""
        "description":{"type":"string","nullable":true},
        "hidden":{"type":"boolean"},
        "position":{"type":"integer"},
        "eventName":{"type":"string","nullable":true},
        "timeZone":{"type":"string","nullable":true},
        "schedulingType":{"type":"string","enum":["ROUND_ROBIN","COLLECTIVE","MANAGED"],"nullable":true},
        "periodType":{"type":"string","enum":["UNLIMITED","ROLLING","ROLLING_WINDOW","RANGE"]},
        "periodStartDate":{"type":"string","format":"date-time","nullable":true},
        "periodEndDate":{"type":"string","format":"date-time","nullable":true},
        "periodDays":{"type":"integer","nullable":true},
        "periodCountCalendarDays":{"type":"boolean","nullable":true},
        "requiresConfirmation":{"type":"boolean"},
        "disableGuests":{"type":"boolean"},
        "hideCalendarNotes":{"type":"boolean"},
        "minimumBookingNotice":{"type":"integer","minimum":0},
        "parentId":{"type":"integer","nullable":true},
        "beforeEventBuffer":{"type":"integer"},
        "afterEventBuffer":{"type":"integer"},
        "teamId":{"type":"integer","nullable":true},
        "price":{"type":"integer"},
        "currency":{"type":"string"},
        "slotInterval":{"type":"integer","nullable":true},
        "successRedirectUrl":{"type":"string","pattern":"^(https?://.+)?$","nullable":true,"x-message":"Invalid URL"},
        "locations":{"type":"array","nullable":true,"items":{"type":"object","required":["type"],"properties":{
          "type":{"type":"string"},"address":{"type":"string"},"link":{"type":"string"},
          "displayLocationPublicly":{"type":"boolean"},"hostPhoneNumber":{"type":"string"}}}},
        "bookingLimits":\#(limits),
        "durationLimits":\#(limits),
        "onlyShowFirstAvailableSlot":{"type":"boolean"},
        "assignAllTeamMembers":{"type":"boolean"},
        "seatsShowAttendees":{"type":"boolean","nullable":true},
        "seatsShowAvailabilityCount":{"type":"boolean","nullable":true},
        "bookingFields":{"type":"array","items":{"type":"object"},"nullable":true},
        "scheduleId":{"type":"integer","nullable":true},
        "metadata":{"description":"any JSON value"},
        "recurringEvent":{"type":"object","nullable":true,"properties":{
          "dtstart":{"type":"string"},"interval":{"type":"integer"},"count":{"type":"integer"},
          "freq":{"type":"integer","enum":[0,1,2,3,4,5,6]},"until":{"type":"string"},
          "tzid":{"type":"string","format":"timezone"}}},
        "children":{"type":"array","items":{"type":"object","required":["id","userId"],"properties":{
          "id":{"type":"integer"},"userId":{"type":"integer"}}}},
        "hosts":{"type":"array","items":{"type":"object","required":["userId"],"properties":{
          "userId":{"type":"integer"},"isFixed":{"type":"boolean"},"scheduleId":{"type":"integer","nullable":true}}}}
        """#

    private static let limits = #"""
        {"type":"object","nullable":true,"properties":{"PER_DAY":{"type":"number"},"PER_WEEK":{"type":"number"},"PER_MONTH":{"type":"number"},"PER_YEAR":{"type":"number"}}}
        """#

    /// POST: `title`, `slug` and `length` required; `userId` (admins) as a number or a numeric string.
    static let createBody = #"""
        {"type":"object","required":["title","slug","length"],"properties":{
          "title":{"type":"string"},
          "slug":{"type":"string"},
          "length":{"type":"integer","minimum":1,"maximum":1440},
          "seatsPerTimeSlot":{"type":"integer","nullable":true},
          "userId":{"type":["string","integer"]},
          \#(baseFields)}}
        """#

    /// PATCH: everything optional, unknown keys refused.
    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "title":{"type":"string"},
          "slug":{"type":"string"},
          "length":{"type":"integer"},
          "seatsPerTimeSlot":{"type":"integer","minimum":1,"maximum":1000,"nullable":true},
          \#(baseFields)}}
        """#

    /// `GET /event-types`: an exact `slug`, and owners (`userId`, one or several; admins only).
    static let listQuery = #"""
        {"type":"object","properties":{
          "slug":{"type":"string"},
          "userId":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]},\#(SchemaFragments.pagination)}}
        """#

    /// `{id}` read like JavaScript's `Number()`.
    static let idQuery = #"{"type":"object","properties":{"id":{"type":"integer"}}}"#
    static let teamQuery = #"{"type":"object","properties":{"teamId":{"type":"integer"},\#(SchemaFragments.pagination)}}"#

    /// The public representation (`eventTypeSelect` plus the relations and `link`).
    static let publicEventType = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"title":{"type":"string"},"slug":{"type":"string"},"length":{"type":"integer"},
          "hidden":{"type":"boolean"},"position":{"type":"integer"},"userId":{"type":"integer","nullable":true},
          "teamId":{"type":"integer","nullable":true},"scheduleId":{"type":"integer","nullable":true},
          "eventName":{"type":"string","nullable":true},"timeZone":{"type":"string","nullable":true},
          "periodType":{"type":"string","enum":["UNLIMITED","ROLLING","ROLLING_WINDOW","RANGE"]},
          "periodStartDate":{"type":"string","format":"date-time","nullable":true},
          "periodEndDate":{"type":"string","format":"date-time","nullable":true},
          "periodDays":{"type":"integer","nullable":true},"periodCountCalendarDays":{"type":"boolean","nullable":true},
          "requiresConfirmation":{"type":"boolean"},"recurringEvent":{"type":"object","nullable":true},
          "disableGuests":{"type":"boolean"},"hideCalendarNotes":{"type":"boolean"},
          "minimumBookingNotice":{"type":"integer"},"beforeEventBuffer":{"type":"integer"},"afterEventBuffer":{"type":"integer"},
          "schedulingType":{"type":"string","enum":["ROUND_ROBIN","COLLECTIVE","MANAGED"],"nullable":true},
          "price":{"type":"integer"},"currency":{"type":"string"},"slotInterval":{"type":"integer","nullable":true},
          "parentId":{"type":"integer","nullable":true},"successRedirectUrl":{"type":"string","nullable":true},
          "description":{"type":"string","nullable":true},"locations":{"type":"array","nullable":true,"items":{"type":"object"}},
          "metadata":{"type":"object","nullable":true},"seatsPerTimeSlot":{"type":"integer","nullable":true},
          "seatsShowAttendees":{"type":"boolean","nullable":true},"seatsShowAvailabilityCount":{"type":"boolean","nullable":true},
          "bookingFields":{"type":"array","nullable":true,"items":{"type":"object"}},
          "bookingLimits":{"type":"object","nullable":true},"onlyShowFirstAvailableSlot":{"type":"boolean"},
          "durationLimits":{"type":"object","nullable":true},
          "customInputs":{"type":"array","items":{"type":"object"}},
          "hashedLink":{"type":"array","items":{"type":"object","properties":{"link":{"type":"string"}}}},
          "team":{"type":"object","nullable":true,"properties":{"slug":{"type":"string","nullable":true}}},
          "hosts":{"type":"array","items":{"type":"object","properties":{"userId":{"type":"integer"},"isFixed":{"type":"boolean"},"scheduleId":{"type":"integer","nullable":true}}}},
          "owner":{"type":"object","nullable":true,"properties":{"username":{"type":"string","nullable":true},"id":{"type":"integer"},"timeZone":{"type":"string"}}},
          "children":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"userId":{"type":"integer","nullable":true}}}},
          "link":{"type":"string","nullable":true,"description":"GET only"}}}
        """#
}
