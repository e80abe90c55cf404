import CalapiPluginAPI
import PluginSDK

/// The route and its schemas.
enum SlotsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "slots", ceiling: CALAPI_GET)
        SlotsStatements.register(&registrar)
        registrar.component("Slots", schema: SlotsSchemas.answer)
        registrar.route(CALAPI_GET, "/slots", resource: "slots", handler: { req, _ in SlotsHandlers.get(Request(req)) },
                        query: SlotsSchemas.query,
                        openapi: OpenAPIOperation.respond("Find the bookable slots of an event type",
                            "Start times POST /bookings accepts between startTime and endTime, grouped by day (in timeZone when given, else UTC); by eventTypeId, or by usernameList (one user, or a team's slug with isTeamEvent=true) and eventTypeSlug; any authenticated caller, like the public booking page",
                            ##"{"$ref":"#/components/schemas/Slots"}"##))
    }
}
