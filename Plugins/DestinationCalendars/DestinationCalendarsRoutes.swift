import PluginSDK

/// The DestinationCalendars plugin: `/destination-calendars` and `/destination-calendars/{id}`
/// (Cal.com v1 §10). Envelopes are camelCase (`destinationCalendar(s)`), as Cal.com's.
let plugin = Plugin("destination-calendars", version: "1.0.0", statements: DestinationCalendarsSQL.self,
                    components: ["DestinationCalendar": DestinationCalendarsSchemas.publicCalendar]) {
    Resource("destination-calendars") {
        // `?userId=` is for admins, refused before the query is parsed.
        Route(.get, "/destination-calendars", query: DestinationCalendarsSchemas.listQuery,
              access: Access { if !$0.isAdmin && $0.query["userId"].isPresent { throw HTTPError.unauthorized("ADMIN required") } },
              doc: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendars", array: true, summary: "Find all destination calendars",
                                              description: "Those of the users (the caller unless a system admin names userId) and of their event types")) {
            // The calendars of the caller (or of the users an admin names) and of their event types.
            try $0.list("destinationCalendars", .list, $0.query["userId"].isPresent ? $0.query["userId"].json : .int($0.userId))
        }
        Route(.post, "/destination-calendars", body: DestinationCalendarsSchemas.createBody,
              doc: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar",
                                              created: "Destination calendar created successfully", summary: "Creates a new destination calendar",
                                              description: "For the caller or one of their event types; system admins must name userId"),
              DestinationCalendarsHandlers.create)
        // The `[id]` middleware: a non-admin only reaches their own calendars and those of their event types (404 otherwise).
        RouteGroup("/destination-calendars/{id}", id: .integerColumn(), access: .row(.target, else: DestinationCalendarsHandlers.notFound)) {
            Route(.get, doc: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar", summary: "Find a destination calendar",
                                                        description: "The caller's, one of their event types', or any for a system admin")) {
                .envelope("destinationCalendar", try $0.findById(.find, orElse: DestinationCalendarsHandlers.notFound))
            }
            Route(.patch, body: DestinationCalendarsSchemas.editBody,
                  doc: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar", summary: "Edit a destination calendar",
                                                  description: "integration and externalId go together; eventTypeId only for event-type calendars"),
                  DestinationCalendarsHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove a destination calendar",
                                                         description: "The caller's, one of their event types', or any for a system admin")) {
                try $0.deleteById(.delete, orElse: DestinationCalendarsHandlers.notFound)
                return .message("OK, Destination Calendar removed successfully")
            }
        }
    }
}
