import CalapiPluginAPI
import PluginSDK

/// The routes: one handler behind three paths (the path's `userId` or `teamId` joins the query).
enum AvailabilityRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "availability", ceiling: CALAPI_GET)
        AvailabilityStatements.register(&registrar)
        registrar.component("Availability", schema: AvailabilitySchemas.availability)

        let user = OpenAPIOperation.respond("Find a user's availability",
            "Busy times, bookable date ranges, working hours and date overrides between dateFrom and dateTo, computed as POST /bookings checks slots; any authenticated caller",
            ##"{"$ref":"#/components/schemas/Availability"}"##)
        let team = OpenAPIOperation.respond("Find the availability of a team's members",
            "One availability per accepted member; team OWNER/ADMIN or system admin",
            ##"{"type":"array","items":{"type":"object","properties":{"userId":{"type":"integer"},"availability":{"$ref":"#/components/schemas/Availability"}}}}"##)
        registrar.route(CALAPI_GET, "/availability", resource: "availability", handler: { req, _ in AvailabilityHandlers.get(Request(req)) },
                        query: AvailabilitySchemas.teamQuery,
                        openapi: OpenAPIOperation.respond("Find availability",
                            "userId or username: one user's availability object; teamId: its members' (team OWNER/ADMIN or system admin)",
                            ##"{"oneOf":[{"$ref":"#/components/schemas/Availability"},{"type":"array","items":{"type":"object"}}]}"##))
        registrar.route(CALAPI_GET, "/users/{userId}/availability", resource: "availability",
                        handler: { req, _ in AvailabilityHandlers.get(Request(req)) }, query: AvailabilitySchemas.query, openapi: user)
        registrar.route(CALAPI_GET, "/teams/{teamId}/availability", resource: "availability",
                        handler: { req, _ in AvailabilityHandlers.get(Request(req)) }, query: AvailabilitySchemas.teamQuery, openapi: team)
    }
}
