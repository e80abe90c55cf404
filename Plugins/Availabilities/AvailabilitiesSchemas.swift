import PluginSDK

/// JSON Schemas of the Availabilities routes, after Cal.com's `schemaAvailabilityCreateBodyParams`
/// and `schemaAvailabilityEditBodyParams` (both strict). Times are ISO date-times, as Cal.com
/// needed, or plain `HH:mm[:ss]`; dates are ISO date-times or `YYYY-MM-DD`.
enum AvailabilitiesSchemas {
    private static let fields = #"""
        "startTime":{"type":"string","anyOf":[{"format":"date-time"},{"format":"time"}]},
        "endTime":{"type":"string","anyOf":[{"format":"date-time"},{"format":"time"}]},
        "days":{"type":"array","items":\#(SchemaFragments.integerCast)},
        "date":{"type":"string","anyOf":[{"format":"date-time"},{"format":"date"}]}
        """#

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["scheduleId","startTime","endTime"],
         "properties":{"scheduleId":\#(SchemaFragments.integerColumn),\#(fields)}}
        """#

    static let editBody = #"{"type":"object","additionalProperties":false,"properties":{\#(fields)}}"#

    /// An availability as every response shows it (`schemaAvailabilityReadPublic`).
    static let publicAvailability = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},
          "startTime":{"type":"string","format":"date-time","example":"1970-01-01T09:00:00.000Z"},
          "endTime":{"type":"string","format":"date-time","example":"1970-01-01T17:00:00.000Z"},
          "date":{"type":"string","format":"date-time","nullable":true},
          "scheduleId":{"type":"integer","nullable":true},
          "days":{"type":"array","items":{"type":"integer"}},
          "Schedule":{"type":"object","nullable":true,"properties":{"userId":{"type":"integer"}}}},
         "example":{"id":21,"startTime":"1970-01-01T09:00:00.000Z","endTime":"1970-01-01T17:00:00.000Z","date":null,
           "scheduleId":3,"days":[1,2,3,4,5],"Schedule":{"userId":7}}}
        """#
}
