import PluginSDK

/// The list query and the public event type of the event-type routes (the bodies' schemas are
/// in `EventTypeField`, with the columns they write).
enum EventTypesSchemas {
    /// `GET /event-types`: an exact `slug`, and owners (`userId`, one or several; admins only).
    static let listQuery = QuerySchema.properties(#"""
        "slug":{"type":"string"},"userId":\#(SchemaFragments.integerTextOrList()),\#(SchemaFragments.pagination)
        """#)

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
          "link":{"type":"string","nullable":true,"description":"GET only"}},
         "example":{"id":12,"title":"30 min meeting","slug":"30min","length":30,"hidden":false,"position":0,"userId":7,
           "teamId":null,"scheduleId":null,"eventName":null,"timeZone":null,"periodType":"UNLIMITED","periodStartDate":null,
           "periodEndDate":null,"periodDays":null,"periodCountCalendarDays":null,"requiresConfirmation":false,"recurringEvent":null,
           "disableGuests":false,"hideCalendarNotes":false,"minimumBookingNotice":120,"beforeEventBuffer":0,"afterEventBuffer":10,
           "schedulingType":null,"price":0,"currency":"usd","slotInterval":null,"parentId":null,"successRedirectUrl":null,
           "description":"A short call to get to know each other","locations":[{"type":"integrations:daily"}],"metadata":{},
           "seatsPerTimeSlot":null,"seatsShowAttendees":false,"seatsShowAvailabilityCount":true,"bookingFields":null,
           "bookingLimits":null,"onlyShowFirstAvailableSlot":false,"durationLimits":null,"customInputs":[],"hashedLink":[],
           "team":null,"hosts":[],"owner":{"username":"grace","id":7,"timeZone":"America/New_York"},"children":[],
           "link":"https://cal.com/grace/30min"}}
        """#
}
