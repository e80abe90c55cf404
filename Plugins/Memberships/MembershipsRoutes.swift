import PluginSDK

/// The Memberships plugin: `/memberships` and `/memberships/{userId}_{teamId}` (Cal.com v1 §4).
/// The compound id is one path segment, `{id}` = `{userId}_{teamId}`.
let plugin = Plugin("memberships", version: "1.0.0", statements: MembershipsSQL.self,
                    components: ["Membership": ModelSchemas.membership]) {
    Resource("memberships") {
        Route(.get, "/memberships", query: MembershipsSchemas.listQuery,
              doc: doc("Find all memberships", "The caller's own memberships; system admins see all and may filter by userId and teamId", array: true),
              MembershipsHandlers.list)
        Route(.post, "/memberships", body: MembershipsSchemas.createBody,
              doc: doc("Creates a new membership", "System admins, or OWNER/ADMIN members of the team (who may not set accepted)",
                       created: "Membership created successfully"),
              MembershipsHandlers.create)
        RouteGroup("/memberships/{id}", id: .text(pattern: "^[0-9]{1,9}_[0-9]{1,9}$", description: "`{userId}_{teamId}`"), query: MembershipsSchemas.idQuery,
                   access: Access(MembershipsHandlers.authorizeMembership)) {
            Route(.get, doc: doc("Find a membership by userId and teamId", "id is {userId}_{teamId}; members of the team, or system admins"),
                  MembershipsHandlers.get)
            Route(.patch, body: MembershipsSchemas.editBody,
                  doc: doc("Edit an existing membership", "id is {userId}_{teamId}; accepted by the invited user, role by OWNER/ADMIN members"),
                  MembershipsHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing membership",
                                                         description: "id is {userId}_{teamId}; one's own, or a lower role than the caller's"),
                  MembershipsHandlers.delete)
        }
    }
}

/// An operation object whose 200 answer wraps one Membership (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false, created: String? = nil) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "memberships" : "membership", component: "Membership", array: array,
                               created: created)
}
