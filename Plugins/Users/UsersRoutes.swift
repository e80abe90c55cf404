import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas.
enum UsersRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "users", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        registrar.declare(resource: "me", ceiling: CALAPI_GET)
        UsersStatements.register(&registrar)
        registrar.component("User", schema: UsersSchemas.publicUser)

        registrar.route(CALAPI_GET, "/users", resource: "users", handler: { req, _ in UsersHandlers.list(Request(req)) },
                        query: UsersSchemas.listQuery,
                        openapi: operation("Find all users", "The caller's own user, or every user for a system admin", envelope: "users", array: true))
        registrar.route(CALAPI_POST, "/users", resource: "users", handler: { req, _ in UsersHandlers.create(Request(req)) },
                        authorize: { req, _ in UsersHandlers.authorizeCreate(Request(req)) },
                        body: UsersSchemas.createBody,
                        openapi: operation("Creates a new user", "System admins only", envelope: "user", array: false))
        registrar.route(CALAPI_GET, "/users/{userId}", resource: "users", handler: { req, _ in UsersHandlers.get(Request(req)) },
                        query: UsersSchemas.idQuery,
                        openapi: operation("Find a user", "The caller itself, or any user for a system admin", envelope: "user", array: false))
        registrar.route(CALAPI_PATCH, "/users/{userId}", resource: "users", handler: { req, _ in UsersHandlers.update(Request(req)) },
                        authorize: { req, _ in UsersHandlers.authorizeTarget(Request(req)) },
                        body: UsersSchemas.editBody, query: UsersSchemas.idQuery,
                        openapi: operation("Edit an existing user", "The caller itself, or any user for a system admin", envelope: "user", array: false))
        registrar.route(CALAPI_DELETE, "/users/{userId}", resource: "users", handler: { req, _ in UsersHandlers.delete(Request(req)) },
                        query: UsersSchemas.idQuery,
                        openapi: #"{"summary":"Remove an existing user","responses":{"200":{"description":"OK, user removed"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"User not found"}}}"#)
        registrar.route(CALAPI_GET, "/me", resource: "me", handler: { req, _ in UsersHandlers.me(Request(req)) },
                        openapi: operation("The API key's own user", "Always the key's user", envelope: "user", array: false))
    }

    /// An operation object whose 200 answer wraps one User (or an array of them) in `envelope`.
    private static func operation(_ summary: String, _ description: String, envelope: String, array: Bool) -> String {
        OpenAPIOperation.enveloped(summary, description, envelope: envelope, component: "User", array: array)
    }
}
