import PluginSDK

/// The query of `GET /slots`, after Cal.com's `getScheduleSchema` (query strings; unknown keys,
/// such as `orgSlug` or `debug`, are ignored). The one-branch `anyOf` gives a refinement's message
/// to the date check only, so a missing time still reads `Required`, as zod's `refine` does.
enum SlotsSchemas {
    static let query = QuerySchema.properties(#"""
        "startTime":{"type":"string","anyOf":[{"format":"date-time","x-message":"startTime must be a valid date string"}]},
        "endTime":{"type":"string","anyOf":[{"format":"date-time","x-message":"endTime must be a valid date string"}]},
        "eventTypeId":\#(SchemaFragments.integerColumn),
        "eventTypeSlug":{"type":"string"},
        "usernameList":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]},
        "isTeamEvent":{"type":"string"},
        "timeZone":{"type":"string","format":"timezone","x-message":"Invalid timezone"},
        "duration":{"type":"string"},
        "rescheduleUid":{"type":"string"}
        """#, required: ["startTime", "endTime"])

    /// `{"slots": {"2024-05-06": [{"time": …}, …]}}`; seated slots also carry the seats taken.
    static let answer = #"""
        {"type":"object","properties":{"slots":{"type":"object","additionalProperties":{"type":"array","items":{
          "type":"object","required":["time"],"properties":{
            "time":{"type":"string","format":"date-time"},"attendees":{"type":"integer"},"bookingUid":{"type":"string"}}}}}},
         "example":{"slots":{"2031-05-06":[{"time":"2031-05-06T13:00:00.000Z"},{"time":"2031-05-06T13:30:00.000Z"}]}}}
        """#
}
