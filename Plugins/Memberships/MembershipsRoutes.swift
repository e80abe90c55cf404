import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. The compound id is one path segment, `{id}` = `{userId}_{teamId}`.
enum MembershipsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "memberships", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        MembershipsStatements.register(&registrar)
        MembershipLookup.register(&registrar)
        registrar.component("Membership", schema: MembershipsSchemas.publicMembership)

        let authorize: PluginRegistrar.Handler = { req, _ in MembershipsHandlers.authorizeMembership(Request(req)) }
        registrar.route(CALAPI_GET, "/memberships", resource: "memberships", handler: { req, _ in MembershipsHandlers.list(Request(req)) },
                        query: MembershipsSchemas.listQuery,
                        openapi: operation("Find all memberships", "The caller's own memberships; system admins see all and may filter by userId and teamId",
                                           envelope: "memberships", array: true))
        registrar.route(CALAPI_POST, "/memberships", resource: "memberships", handler: { req, _ in MembershipsHandlers.create(Request(req)) },
                        body: MembershipsSchemas.createBody,
                        openapi: operation("Creates a new membership", "System admins, or OWNER/ADMIN members of the team (who may not set accepted)",
                                           envelope: "membership", array: false))
        registrar.route(CALAPI_GET, "/memberships/{id}", resource: "memberships", handler: { req, _ in MembershipsHandlers.get(Request(req)) },
                        authorize: authorize, query: MembershipsSchemas.idQuery,
                        openapi: operation("Find a membership by userId and teamId", "id is {userId}_{teamId}; members of the team, or system admins",
                                           envelope: "membership", array: false))
        registrar.route(CALAPI_PATCH, "/memberships/{id}", resource: "memberships", handler: { req, _ in MembershipsHandlers.update(Request(req)) },
                        authorize: authorize, body: MembershipsSchemas.editBody, query: MembershipsSchemas.idQuery,
                        openapi: operation("Edit an existing membership", "id is {userId}_{teamId}; accepted by the invited user, role by OWNER/ADMIN members",
                                           envelope: "membership", array: false))
        registrar.route(CALAPI_DELETE, "/memberships/{id}", resource: "memberships", handler: { req, _ in MembershipsHandlers.delete(Request(req)) },
                        authorize: authorize, query: MembershipsSchemas.idQuery,
                        openapi: #"{"summary":"Remove an existing membership","description":"id is {userId}_{teamId}; one's own, or a lower role than the caller's","responses":{"200":{"description":"OK, membership removed"},"400":{"description":"Membership id is invalid"},"403":{"description":"Forbidden"},"404":{"description":"Membership not found"}}}"#)
    }

    /// An operation object whose 200 answer wraps one Membership (or an array of them) in `envelope`.
    private static func operation(_ summary: String, _ description: String, envelope: String, array: Bool) -> String {
        OpenAPIOperation.enveloped(summary, description, envelope: envelope, component: "Membership", array: array)
    }
}
