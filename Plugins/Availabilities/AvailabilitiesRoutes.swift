import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. There is no list: `GET /availabilities` answers 405.
enum AvailabilitiesRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "availabilities", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        AvailabilitiesStatements.register(&registrar)
        registrar.component("Availability", schema: AvailabilitiesSchemas.publicAvailability)

        registrar.route(CALAPI_POST, "/availabilities", resource: "availabilities",
                        handler: { req, _ in AvailabilitiesHandlers.create(Request(req)) },
                        body: AvailabilitiesSchemas.createBody,
                        openapi: OpenAPIOperation.returning("Availability", in: "availability", summary: "Creates a new availability",
                                                            description: "On one of the caller's schedules, or any schedule for a system admin"))
        registrar.route(CALAPI_GET, "/availabilities/{id}", resource: "availabilities",
                        handler: { req, _ in AvailabilitiesHandlers.get(Request(req)) },
                        authorize: { req, _ in AvailabilitiesHandlers.authorizeTarget(Request(req)) },
                        query: AvailabilitiesSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("Availability", in: "availability", summary: "Find an availability",
                                                            description: "A row of one of the caller's schedules, or any for a system admin"))
        registrar.route(CALAPI_PATCH, "/availabilities/{id}", resource: "availabilities",
                        handler: { req, _ in AvailabilitiesHandlers.update(Request(req)) },
                        authorize: { req, _ in AvailabilitiesHandlers.authorizeTarget(Request(req)) },
                        body: AvailabilitiesSchemas.editBody, query: AvailabilitiesSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("Availability", in: "availability", summary: "Edit an existing availability",
                                                            description: "The schedule cannot be changed"))
        registrar.route(CALAPI_DELETE, "/availabilities/{id}", resource: "availabilities",
                        handler: { req, _ in AvailabilitiesHandlers.delete(Request(req)) },
                        authorize: { req, _ in AvailabilitiesHandlers.authorizeTarget(Request(req)) },
                        query: AvailabilitiesSchemas.idQuery,
                        openapi: OpenAPIOperation.message(summary: "Remove an existing availability",
                                                          description: "A row of one of the caller's schedules, or any for a system admin"))
    }
}
