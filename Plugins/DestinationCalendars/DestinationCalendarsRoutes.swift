import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. Envelopes are camelCase (`destinationCalendar(s)`), as Cal.com's.
enum DestinationCalendarsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        let resource = "destination-calendars"
        registrar.declare(resource: resource, ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        DestinationCalendarsStatements.register(&registrar)
        registrar.component("DestinationCalendar", schema: DestinationCalendarsSchemas.publicCalendar)

        registrar.route(CALAPI_GET, "/destination-calendars", resource: resource,
                        handler: { req, _ in DestinationCalendarsHandlers.list(Request(req)) },
                        authorize: { req, _ in DestinationCalendarsHandlers.authorizeList(Request(req)) },
                        query: DestinationCalendarsSchemas.listQuery,
                        openapi: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendars", array: true,
                                                            summary: "Find all destination calendars",
                                                            description: "Those of the users (the caller unless a system admin names userId) and of their event types"))
        registrar.route(CALAPI_POST, "/destination-calendars", resource: resource,
                        handler: { req, _ in DestinationCalendarsHandlers.create(Request(req)) },
                        body: DestinationCalendarsSchemas.createBody,
                        openapi: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar",
                                                            summary: "Creates a new destination calendar",
                                                            description: "For the caller or one of their event types; system admins must name userId"))
        let item = "/destination-calendars/{id}"
        let authorize: PluginRegistrar.Handler = { req, _ in DestinationCalendarsHandlers.authorizeTarget(Request(req)) }
        registrar.route(CALAPI_GET, item, resource: resource, handler: { req, _ in DestinationCalendarsHandlers.get(Request(req)) },
                        authorize: authorize, query: DestinationCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar",
                                                            summary: "Find a destination calendar",
                                                            description: "The caller's, one of their event types', or any for a system admin"))
        registrar.route(CALAPI_PATCH, item, resource: resource, handler: { req, _ in DestinationCalendarsHandlers.update(Request(req)) },
                        authorize: authorize, body: DestinationCalendarsSchemas.editBody, query: DestinationCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("DestinationCalendar", in: "destinationCalendar",
                                                            summary: "Edit a destination calendar",
                                                            description: "integration and externalId go together; eventTypeId only for event-type calendars"))
        registrar.route(CALAPI_DELETE, item, resource: resource, handler: { req, _ in DestinationCalendarsHandlers.delete(Request(req)) },
                        authorize: authorize, query: DestinationCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.message(summary: "Remove a destination calendar",
                                                          description: "The caller's, one of their event types', or any for a system admin"))
    }
}
