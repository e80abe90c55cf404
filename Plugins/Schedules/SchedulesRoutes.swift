import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas.
enum SchedulesRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "schedules", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        SchedulesStatements.register(&registrar)
        registrar.component("Schedule", schema: SchedulesSchemas.publicSchedule)

        registrar.route(CALAPI_GET, "/schedules", resource: "schedules", handler: { req, _ in SchedulesHandlers.list(Request(req)) },
                        authorize: { req, _ in SchedulesHandlers.authorizeList(Request(req)) },
                        query: SchedulesSchemas.listQuery,
                        openapi: OpenAPIOperation.returning("Schedule", in: "schedules", array: true, summary: "Find all schedules",
                                                            description: "The caller's schedules, or every schedule (optionally of some users) for a system admin"))
        registrar.route(CALAPI_POST, "/schedules", resource: "schedules", handler: { req, _ in SchedulesHandlers.create(Request(req)) },
                        body: SchedulesSchemas.createBody,
                        openapi: OpenAPIOperation.returning("Schedule", in: "schedule", summary: "Creates a new schedule",
                                                            description: "Created with Monday to Friday, 09:00 to 17:00; userId is for system admins"))
        registrar.route(CALAPI_GET, "/schedules/{id}", resource: "schedules", handler: { req, _ in SchedulesHandlers.get(Request(req)) },
                        authorize: { req, _ in SchedulesHandlers.authorizeTarget(Request(req)) },
                        query: SchedulesSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("Schedule", in: "schedule", summary: "Find a schedule",
                                                            description: "One of the caller's schedules, or any for a system admin"))
        registrar.route(CALAPI_PATCH, "/schedules/{id}", resource: "schedules", handler: { req, _ in SchedulesHandlers.update(Request(req)) },
                        authorize: { req, _ in SchedulesHandlers.authorizeTarget(Request(req)) },
                        body: SchedulesSchemas.editBody, query: SchedulesSchemas.idQuery,
                        openapi: OpenAPIOperation.returning("Schedule", in: "schedule", summary: "Edit an existing schedule",
                                                            description: "Only system admins may change the owner (userId)"))
        registrar.route(CALAPI_DELETE, "/schedules/{id}", resource: "schedules", handler: { req, _ in SchedulesHandlers.delete(Request(req)) },
                        authorize: { req, _ in SchedulesHandlers.authorizeTarget(Request(req)) },
                        query: SchedulesSchemas.idQuery,
                        openapi: OpenAPIOperation.message(summary: "Remove an existing schedule",
                                                          description: "A user whose default schedule it was is left without a default"))
    }
}
