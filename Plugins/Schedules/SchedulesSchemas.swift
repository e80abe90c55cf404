import PluginSDK

/// JSON Schemas of the Schedules routes, after Cal.com's `schemaCreateScheduleBodyParams` and
/// `schemaSingleScheduleBodyParams` (both lenient: unknown keys are ignored).
enum SchedulesSchemas {
    /// A name that is not blank (Cal.com's later rule), reported with its message.
    private static let name = #""name":{"type":"string","anyOf":[{"pattern":"\\S","x-message":"Schedule name cannot be empty"}]}"#

    static let createBody = #"""
        {"type":"object","required":["name","timeZone"],"properties":{\#(name),
          "timeZone":{"type":"string","format":"timezone"},"userId":\#(SchemaFragments.integerColumn)}}
        """#

    static let editBody = #"""
        {"type":"object","properties":{\#(name),
          "timeZone":{"type":"string","format":"timezone"},"userId":\#(SchemaFragments.integerColumn)}}
        """#

    /// `GET /schedules?userId=…`: one user or several (admins only).
    static let listQuery = QuerySchema.properties(#""userId":\#(SchemaFragments.integerColumnOrList),\#(SchemaFragments.pagination)"#)

    /// A schedule as every response shows it (`schemaSchedulePublic`).
    static let publicSchedule = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"userId":{"type":"integer"},"name":{"type":"string"},"timeZone":{"type":"string","nullable":true},
          "availability":{"type":"array","items":{"type":"object","properties":{
            "id":{"type":"integer"},"eventTypeId":{"type":"integer","nullable":true},
            "date":{"type":"string","format":"date-time","nullable":true},
            "days":{"type":"array","items":{"type":"integer"}},
            "startTime":{"type":"string","example":"09:00:00"},"endTime":{"type":"string","example":"17:00:00"}}}}},
         "example":{"id":3,"userId":7,"name":"Working hours","timeZone":"America/New_York",
           "availability":[{"id":21,"eventTypeId":null,"date":null,"days":[1,2,3,4,5],"startTime":"09:00:00","endTime":"17:00:00"}]}}
        """#
}
