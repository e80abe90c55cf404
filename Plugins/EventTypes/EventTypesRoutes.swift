import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. Cal.com checks event-type permissions inside each handler, after
/// the body was parsed, so no route has an `authorize` step.
enum EventTypesRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "event-types", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        EventTypesStatements.register(&registrar)
        registrar.component("EventType", schema: EventTypesSchemas.publicEventType)

        registrar.route(CALAPI_GET, "/event-types", resource: "event-types",
                        handler: { req, _ in EventTypesReadHandlers.list(Request(req)) },
                        query: EventTypesSchemas.listQuery,
                        openapi: operation("Find all event types", "The caller's personal event types; admins may filter by userId or look a slug up across owners", envelope: "event_types", array: true))
        registrar.route(CALAPI_GET, "/teams/{teamId}/event-types", resource: "event-types",
                        handler: { req, _ in EventTypesReadHandlers.teamList(Request(req)) },
                        query: EventTypesSchemas.teamQuery,
                        openapi: operation("Find all event types of a team", "Any member of the team, or a system admin; others get an empty list", envelope: "event_types", array: true))
        registrar.route(CALAPI_POST, "/event-types", resource: "event-types",
                        handler: { req, _ in EventTypesWriteHandlers.create(Request(req)) },
                        body: EventTypesSchemas.createBody,
                        openapi: operation("Creates a new event type", "Personal, or for a team the caller administers; userId for system admins only", envelope: "event_type", array: false))
        registrar.route(CALAPI_GET, "/event-types/{id}", resource: "event-types",
                        handler: { req, _ in EventTypesReadHandlers.get(Request(req)) },
                        query: EventTypesSchemas.idQuery,
                        openapi: operation("Find an event type", "The owner, any member of its team, or a system admin", envelope: "event_type", array: false))
        registrar.route(CALAPI_PATCH, "/event-types/{id}", resource: "event-types",
                        handler: { req, _ in EventTypesWriteHandlers.update(Request(req)) },
                        body: EventTypesSchemas.editBody, query: EventTypesSchemas.idQuery,
                        openapi: operation("Edit an existing event type", "The owner, an ADMIN/OWNER of its team, or a system admin; hosts are replaced only when sent", envelope: "event_type", array: false))
        registrar.route(CALAPI_DELETE, "/event-types/{id}", resource: "event-types",
                        handler: { req, _ in EventTypesWriteHandlers.delete(Request(req)) },
                        query: EventTypesSchemas.idQuery,
                        openapi: #"{"summary":"Remove an existing event type","responses":{"200":{"description":"OK, event type removed"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Event type not found"}}}"#)
    }

    /// An operation object whose 200 answer wraps one EventType (or an array of them) in `envelope`.
    private static func operation(_ summary: String, _ description: String, envelope: String, array: Bool) -> String {
        OpenAPIOperation.enveloped(summary, description, envelope: envelope, component: "EventType", array: array)
    }
}
