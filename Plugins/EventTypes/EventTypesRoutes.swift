import PluginSDK

/// The EventTypes plugin: `/event-types`, `/event-types/{id}` and `/teams/{teamId}/event-types`
/// (Cal.com v1 §5). Cal.com checks event-type permissions inside each handler, after the body was
/// parsed, so no route has an access check.
let plugin = Plugin("event-types", version: "1.0.0", statements: EventTypesSQL.self,
                    components: ["EventType": EventTypesSchemas.publicEventType]) {
    Resource("event-types") {
        Route(.get, "/event-types", query: EventTypesSchemas.listQuery,
              doc: doc("Find all event types", "The caller's personal event types; admins may filter by userId or look a slug up across owners", array: true),
              EventTypesReadHandlers.list)
        Route(.get, "/teams/{teamId}/event-types", id: .number("teamId"), query: .pagination,
              doc: doc("Find all event types of a team", "Any member of the team, or a system admin; others get an empty list", array: true),
              EventTypesReadHandlers.teamList)
        Route(.post, "/event-types", body: EventTypeField.createBody,
              doc: doc("Creates a new event type", "Personal, or for a team the caller administers; userId for system admins only",
                       created: "Event type created successfully"),
              EventTypesWriteHandlers.create)
        RouteGroup("/event-types/{id}", id: .number()) {
            Route(.get, doc: doc("Find an event type", "The owner, any member of its team, or a system admin"), EventTypesReadHandlers.get)
            Route(.patch, body: EventTypeField.editBody,
                  doc: doc("Edit an existing event type", "The owner, an ADMIN/OWNER of its team, or a system admin; hosts are replaced only when sent"),
                  EventTypesWriteHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing event type",
                                                         description: "The owner, an ADMIN/OWNER of its team, or a system admin (404 for a missing one); others 403"),
                  EventTypesWriteHandlers.delete)
        }
    }
}

/// An operation object whose 200 answer wraps one EventType (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false, created: String? = nil) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "event_types" : "event_type", component: "EventType", array: array,
                               created: created)
}
