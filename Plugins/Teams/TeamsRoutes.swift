import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. `/teams/{teamId}/event-types` and `/teams/{teamId}/availability`
/// are served by the EventTypes and Availability plugins.
enum TeamsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "teams", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        TeamsStatements.register(&registrar)
        MembershipLookup.register(&registrar)
        registrar.component("Team", schema: TeamsSchemas.publicTeam)

        let authorize: PluginRegistrar.Handler = { req, _ in TeamsHandlers.authorizeTeam(Request(req)) }
        registrar.route(CALAPI_GET, "/teams", resource: "teams", handler: { req, _ in TeamsHandlers.list(Request(req)) },
                        query: SchemaFragments.paginationQuery,
                        openapi: operation("Find all teams", "Every team for a system admin, else the teams the caller is a member of",
                                           envelope: "teams", array: true))
        registrar.route(CALAPI_POST, "/teams", resource: "teams", handler: { req, _ in TeamsHandlers.create(Request(req)) },
                        body: TeamsSchemas.createBody,
                        openapi: operation("Creates a new team", "The caller (or `ownerId`, system admins only) becomes its OWNER; the answer also holds `owner` (the membership) and `message`",
                                           envelope: "team", array: false))
        registrar.route(CALAPI_GET, "/teams/{teamId}", resource: "teams", handler: { req, _ in TeamsHandlers.get(Request(req)) },
                        authorize: authorize, query: TeamsSchemas.teamIdQuery,
                        openapi: operation("Find a team", "Members of the team, or system admins", envelope: "team", array: false))
        registrar.route(CALAPI_PATCH, "/teams/{teamId}", resource: "teams", handler: { req, _ in TeamsHandlers.update(Request(req)) },
                        authorize: authorize, body: TeamsSchemas.editBody, query: TeamsSchemas.teamIdQuery,
                        openapi: operation("Edit an existing team", "OWNER or ADMIN members of the team", envelope: "team", array: false))
        registrar.route(CALAPI_PATCH, "/teams/{teamId}/publish", resource: "teams",
                        handler: { req, _ in TeamsHandlers.publish(Request(req)) },
                        authorize: authorize, query: TeamsSchemas.teamIdQuery,
                        openapi: OpenAPIOperation.respond("Publish a team", "OWNER or ADMIN members (or system admins): the requested slug becomes the team's slug",
                                                          #"{"type":"object","properties":{"url":{"type":"string"},"message":{"type":"string"}}}"#))
        registrar.route(CALAPI_DELETE, "/teams/{teamId}", resource: "teams", handler: { req, _ in TeamsHandlers.delete(Request(req)) },
                        authorize: authorize, query: TeamsSchemas.teamIdQuery,
                        openapi: #"{"summary":"Remove an existing team","description":"OWNER members of the team, or system admins","responses":{"200":{"description":"OK, team removed"},"401":{"description":"Not an OWNER of the team"},"404":{"description":"Team not found"},"409":{"description":"Other records still reference the team"}}}"#)
    }

    /// An operation object whose 200 answer wraps one Team (or an array of them) in `envelope`.
    private static func operation(_ summary: String, _ description: String, envelope: String, array: Bool) -> String {
        OpenAPIOperation.enveloped(summary, description, envelope: envelope, component: "Team", array: array)
    }
}
