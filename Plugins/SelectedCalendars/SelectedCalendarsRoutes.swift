import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas.
enum SelectedCalendarsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        let resource = "selected-calendars"
        registrar.declare(resource: resource, ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        SelectedCalendarsStatements.register(&registrar)
        registrar.component("SelectedCalendar", schema: SelectedCalendarsSchemas.publicCalendar)

        registrar.route(CALAPI_GET, "/selected-calendars", resource: resource,
                        handler: { req, _ in SelectedCalendarsHandlers.list(Request(req)) },
                        authorize: { req, _ in SelectedCalendarsHandlers.authorizeList(Request(req)) },
                        query: SelectedCalendarsSchemas.listQuery,
                        openapi: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendars", array: true,
                                                            summary: "Find all selected calendars",
                                                            description: "The caller's, or everyone's (optionally of some users) for a system admin"))
        registrar.route(CALAPI_POST, "/selected-calendars", resource: resource,
                        handler: { req, _ in SelectedCalendarsHandlers.create(Request(req)) },
                        body: SelectedCalendarsSchemas.createBody,
                        openapi: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar", summary: "Creates a new selected calendar",
                                                            description: "For the caller; userId is for system admins"))
        let item = "/selected-calendars/{id}"
        let authorize: PluginRegistrar.Handler = { req, _ in SelectedCalendarsHandlers.authorizeTarget(Request(req)) }
        registrar.route(CALAPI_GET, item, resource: resource, handler: { req, _ in SelectedCalendarsHandlers.get(Request(req)) },
                        authorize: authorize, query: SelectedCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar", summary: "Find a selected calendar",
                                                            description: "id is {userId}_{integration}_{externalId}"))
        registrar.route(CALAPI_PATCH, item, resource: resource, handler: { req, _ in SelectedCalendarsHandlers.update(Request(req)) },
                        authorize: authorize, body: SelectedCalendarsSchemas.editBody, query: SelectedCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("SelectedCalendar", in: "selected_calendar", summary: "Edit a selected calendar",
                                                            description: "id is {userId}_{integration}_{externalId}; userId is for system admins"))
        registrar.route(CALAPI_DELETE, item, resource: resource, handler: { req, _ in SelectedCalendarsHandlers.delete(Request(req)) },
                        authorize: authorize, query: SelectedCalendarsSchemas.idQuery,
                        openapi: OpenAPIOperation.message(summary: "Remove a selected calendar",
                                                          description: "id is {userId}_{integration}_{externalId}"))
    }
}
