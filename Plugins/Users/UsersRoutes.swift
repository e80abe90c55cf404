import PluginSDK

/// The Users plugin: `/users`, `/users/{userId}` and `/me` (Cal.com v1 §1–§2).
let plugin = Plugin("users", version: "1.0.0", statements: UsersSQL.self, components: ["User": UsersSchemas.publicUser]) {
    Resource("users") {
        Route(.get, "/users", query: UsersSchemas.listQuery,
              doc: OpenAPIOperation.respond("Find all users", "The caller's own user, or every user for a system admin", UsersSchemas.list),
              UsersHandlers.list)
        Route(.post, "/users", body: UsersSchemas.createBody,
              access: Access { if !$0.isAdmin { throw HTTPError.unauthorized("You are not authorized") } },
              doc: doc("Creates a new user", "System admins only"), UsersHandlers.create)
        RouteGroup("/users/{userId}", id: .parseInt("userId")) {
            Route(.get, doc: doc("Find a user", "The caller itself, or any user for a system admin"), UsersHandlers.get)
            Route(.patch, body: UsersSchemas.editBody, access: Access { _ = try UsersHandlers.target($0) },
                  doc: doc("Edit an existing user", "The caller itself, or any user for a system admin"), UsersHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing user", description: "The caller itself, or any user for a system admin"),
                  UsersHandlers.delete)
        }
    }
    Resource("me") {
        Route(.get, "/me", doc: doc("The API key's own user", "Always the key's user")) {
            .envelope("user", try $0.one(.find, .int($0.userId), .int($0.userId), orElse: UsersHandlers.notFound))
        }
    }
}

/// An operation object whose 200 answer wraps one User (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "users" : "user", component: "User", array: array)
}
