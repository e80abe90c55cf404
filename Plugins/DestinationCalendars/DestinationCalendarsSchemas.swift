import PluginSDK

/// JSON Schemas of the Destination calendars routes, after Cal.com's
/// `schemaDestinationCalendarCreateBodyParams` and `…EditBodyParams` (both strict). `bookingId` is
/// accepted and ignored: no such column exists.
enum DestinationCalendarsSchemas {
    private static let numbers = #""eventTypeId":\#(SchemaFragments.integerColumn),"bookingId":{"type":"integer"},"userId":\#(SchemaFragments.integerColumn)"#

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["integration","externalId"],"properties":{
          "integration":{"type":"string"},"externalId":{"type":"string"},\#(numbers)}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{
          "integration":{"type":"string"},"externalId":{"type":"string"},\#(numbers)}}
        """#

    /// `GET /destination-calendars?userId=…`: one user or several (admins only).
    static let listQuery = QuerySchema.properties(#""userId":\#(SchemaFragments.integerColumnOrList),\#(SchemaFragments.pagination)"#)

    /// A destination calendar as every response shows it (`schemaDestinationCalendarReadPublic`).
    static let publicCalendar = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"integration":{"type":"string","example":"google_calendar"},"externalId":{"type":"string"},
          "eventTypeId":{"type":"integer","nullable":true},"userId":{"type":"integer","nullable":true}},
         "example":{"id":2,"integration":"google_calendar","externalId":"grace@example.com","eventTypeId":null,"userId":7}}
        """#
}
