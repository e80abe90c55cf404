import PluginSDK

/// The SelectedCalendars plugin: `/selected-calendars` and
/// `/selected-calendars/{userId}_{integration}_{externalId}` (Cal.com v1 §9).
let plugin = Plugin("selected-calendars", version: "1.0.0", statements: SelectedCalendarsSQL.self,
                    components: ["SelectedCalendar": SelectedCalendarsSchemas.publicCalendar]) {
    Resource("selected-calendars") {
        // `?userId=` is for admins, refused before the query is parsed.
        Route(.get, "/selected-calendars", query: SelectedCalendarsSchemas.listQuery,
              access: Access { if !$0.isAdmin && $0.query["userId"].isPresent { throw HTTPError.forbidden("ADMIN required") } },
              doc: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendars", array: true, summary: "Find all selected calendars",
                                              description: "The caller's, or everyone's (optionally of some users) for a system admin")) {
            try $0.list("selected_calendars", .list, $0.callerScope, $0.query["userId"].json)
        }
        Route(.post, "/selected-calendars", body: SelectedCalendarsSchemas.createBody,
              doc: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar",
                                              created: "Selected Calendar created successfully", summary: "Creates a new selected calendar",
                                              description: "For the caller; userId is for system admins"),
              SelectedCalendarsHandlers.create)
        // The compound id; strict like Cal.com's `schemaQueryIdAsString` (any other parameter is refused).
        RouteGroup("/selected-calendars/{id}", id: SelectedCalendarsSchemas.id, query: .strict, access: Access(SelectedCalendarsHandlers.authorizeTarget)) {
            Route(.get, doc: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar", summary: "Find a selected calendar",
                                                        description: "id is {userId}_{integration}_{externalId}")) {
                .envelope("selected_calendar", try $0.one(.find, SelectedCalendarsHandlers.key($0), orElse: SelectedCalendarsHandlers.notFound($0)))
            }
            Route(.patch, body: SelectedCalendarsSchemas.editBody,
                  doc: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar", summary: "Edit a selected calendar",
                                                  description: "id is {userId}_{integration}_{externalId}; userId is for system admins"),
                  SelectedCalendarsHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove a selected calendar", description: "id is {userId}_{integration}_{externalId}"),
                  SelectedCalendarsHandlers.delete)
        }
    }
}
