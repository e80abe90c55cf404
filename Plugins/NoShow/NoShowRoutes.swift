import CalapiPluginAPI
import PluginSDK

/// The route and its schemas.
enum NoShowRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "no-show", ceiling: CALAPI_POST)
        NoShowStatements.register(&registrar)
        registrar.route(CALAPI_POST, "/no-show", resource: "no-show", handler: { req, _ in NoShowHandlers.mark(Request(req)) },
                        body: NoShowSchemas.body,
                        openapi: OpenAPIOperation.respond("Mark attendees as no-shows",
                            "Sets noShow on the booking's attendees with the given emails, once the booking has started; for its organizer, members of its event type's team, or a system admin",
                            NoShowSchemas.answer))
    }
}
