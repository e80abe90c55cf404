import PluginSDK

/// The query of the availability routes, after Cal.com's `availabilitySchema` (path parameters
/// are merged into it; unknown keys are ignored).
enum AvailabilitySchemas {
    /// `/users/{userId}/availability`: one user.
    static let query = QuerySchema.properties(properties, required: ["dateFrom", "dateTo"])

    /// Where a team may be named: its members are paged with `take` and `page` (a calapi addition),
    /// at most `limits.max_team_availability_members` of them.
    static let teamQuery = QuerySchema.properties(
        properties + "," + SchemaFragments.pagination(maximum: Limits.maxTeamAvailabilityMembers, limitName: "max_team_availability_members"),
        required: ["dateFrom", "dateTo"])

    private static let properties = #"""
        "userId":\#(SchemaFragments.integerColumn),"teamId":\#(SchemaFragments.integerColumn),
        "eventTypeId":\#(SchemaFragments.integerColumn),"username":{"type":"string"},
        "dateFrom":\#(SchemaFragments.handlerDateTime),"dateTo":\#(SchemaFragments.handlerDateTime)
        """#

    /// A `{start, end}` pair of UTC instants.
    private static let timeRange = #"{"type":"object","properties":{"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"}}}"#

    /// One user's availability object (the `UserAvailability` component; `Availability` is the
    /// Availabilities plugin's row).
    static let availability = #"""
        {"type":"object","properties":{
          "busy":{"type":"array","items":\#(timeRange)},
          "timeZone":{"type":"string"},
          "dateRanges":{"type":"array","items":\#(timeRange)},
          "workingHours":{"type":"array","items":{"type":"object","properties":{
            "days":{"type":"array","items":{"type":"integer"}},"startTime":{"type":"integer"},"endTime":{"type":"integer"},"userId":{"type":"integer"}}}},
          "dateOverrides":{"type":"array","items":\#(timeRange)},
          "currentSeats":{"type":"array","nullable":true,"items":{"type":"object","properties":{
            "uid":{"type":"string"},"startTime":{"type":"string","format":"date-time"},
            "_count":{"type":"object","properties":{"attendees":{"type":"integer"}}}}}}},
         "example":{"busy":[{"start":"2031-05-06T13:00:00.000Z","end":"2031-05-06T13:40:00.000Z"}],
           "timeZone":"America/New_York",
           "dateRanges":[{"start":"2031-05-06T13:00:00.000Z","end":"2031-05-06T21:00:00.000Z"}],
           "workingHours":[{"days":[1,2,3,4,5],"startTime":540,"endTime":1020,"userId":7}],"dateOverrides":[],"currentSeats":null}}
        """#

    /// A team's answer: one availability per member.
    static let teamAnswer = ##"""
        {"type":"array","items":{"type":"object","required":["userId","availability"],"properties":{
          "userId":{"type":"integer"},"availability":{"$ref":"#/components/schemas/UserAvailability"}}}}
        """##

    /// One user's availability, or with `teamId` the team's (one handler answers every path).
    static let answer = ##"{"oneOf":[{"$ref":"#/components/schemas/UserAvailability"},\##(teamAnswer)]}"##
}
