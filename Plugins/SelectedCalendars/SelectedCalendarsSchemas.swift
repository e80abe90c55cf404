import PluginSDK

/// JSON Schemas of the Selected calendars routes. Bodies are lenient (unknown keys ignored), as
/// Cal.com's; only `integration`, `externalId` and (admins) `userId` are written.
enum SelectedCalendarsSchemas {
    /// `{userId}_{integration}_{externalId}`: the document states the shape `CompoundIdentifier.calendar`
    /// reads (an integration without `_`, such as `google`, before `_calendar_`), for ids without `/` or `%`.
    static let id = PathId.text(pattern: "^[0-9]{1,9}_[a-z0-9-]+_calendar_[A-Za-z0-9@._+-]+$",
                                description: "`{userId}_{integration}_{externalId}`, e.g. `3_google_calendar_someone@example.com`")

    static let createBody = #"""
        {"type":"object","required":["integration","externalId"],"properties":{
          "integration":{"type":"string"},"externalId":{"type":"string"},"userId":\#(SchemaFragments.integerColumn)}}
        """#

    static let editBody = #"""
        {"type":"object","properties":{"integration":{"type":"string"},"externalId":{"type":"string"},"userId":\#(SchemaFragments.integerColumn)}}
        """#

    /// `GET /selected-calendars?userId=…`: one user or several (admins only).
    static let listQuery = QuerySchema.properties(#""userId":\#(SchemaFragments.integerColumnOrList),\#(SchemaFragments.pagination)"#)

    /// A selected calendar as every response shows it (the table's columns).
    static let publicCalendar = #"""
        {"type":"object","properties":{
          "id":{"type":"string"},"userId":{"type":"integer"},"integration":{"type":"string","example":"google_calendar"},
          "externalId":{"type":"string"},"credentialId":{"type":"integer","nullable":true},
          "googleChannelId":{"type":"string","nullable":true},"googleChannelKind":{"type":"string","nullable":true},
          "googleChannelResourceId":{"type":"string","nullable":true},"googleChannelResourceUri":{"type":"string","nullable":true},
          "googleChannelExpiration":{"type":"string","nullable":true},"error":{"type":"string","nullable":true},
          "eventTypeId":{"type":"integer","nullable":true}},
         "example":{"id":"9b2f0c3e-1d4a-4f6b-8a57-0c2d9e8b1f34","userId":7,"integration":"google_calendar",
           "externalId":"grace@example.com","credentialId":4,"googleChannelId":null,"googleChannelKind":null,
           "googleChannelResourceId":null,"googleChannelResourceUri":null,"googleChannelExpiration":null,"error":null,"eventTypeId":null}}
        """#
}
