import PluginSDK

/// The Teams plugin: `/teams` and `/teams/{teamId}` (Cal.com v1 §3). `/teams/{teamId}/event-types`
/// and `/teams/{teamId}/availability` are served by the EventTypes and Availability plugins.
let plugin = Plugin("teams", version: "1.0.0", statements: TeamsSQL.self, components: ["Team": ModelSchemas.team]) {
    Resource("teams") {
        Route(.get, "/teams", query: .pagination,
              doc: doc("Find all teams", "Every team for a system admin, else the teams the caller is a member of", array: true)) {
            try $0.list("teams", .list, $0.callerScope)
        }
        Route(.post, "/teams", body: TeamsSchemas.createBody,
              doc: OpenAPIOperation.respond("Creates a new team",
                                            "The caller (or `ownerId`, system admins only) becomes its OWNER; the answer also holds `owner` (the membership)",
                                            TeamsSchemas.created),
              TeamsHandlers.create)
        // `schemaQueryTeamId`: digits only, and no other query parameter (strict).
        RouteGroup("/teams/{teamId}", id: .digits("teamId"), query: .strict, access: Access(TeamsHandlers.authorizeTeam)) {
            Route(.get, doc: doc("Find a team", "Members of the team, or system admins")) {
                .envelope("team", try $0.findById(.find, orElse: TeamsHandlers.notFound))
            }
            Route(.patch, body: TeamsSchemas.editBody, doc: doc("Edit an existing team", "OWNER or ADMIN members of the team"),
                  TeamsHandlers.update)
            Route(.patch, "/publish",
                  doc: OpenAPIOperation.respond("Publish a team", "OWNER or ADMIN members (or system admins): the requested slug becomes the team's slug",
                                                #"{"type":"object","properties":{"url":{"type":"string"},"message":{"type":"string"}}}"#),
                  TeamsHandlers.publish)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing team",
                                                         description: "OWNER members of the team, or system admins (401 for others); 409 while other records still reference it"),
                  TeamsHandlers.delete)
        }
    }
}

/// An operation object whose 200 answer wraps one Team (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "teams" : "team", component: "Team", array: array)
}
