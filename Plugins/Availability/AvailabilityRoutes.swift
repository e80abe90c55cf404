import PluginSDK

/// The Availability plugin: the computed `GET /availability`, `/users/{userId}/availability` and
/// `/teams/{teamId}/availability` (core.md §8.1): one handler behind three paths (the path's
/// `userId` or `teamId` joins the query).
let plugin = Plugin("availability", version: "1.0.0", statements: AvailabilityStatements.self,
                    components: ["UserAvailability": AvailabilitySchemas.availability]) {
    Resource("availability") {
        Route(.get, "/availability", query: AvailabilitySchemas.teamQuery,
              doc: OpenAPIOperation.respond("Find availability",
                  "userId or username: one user's availability object; teamId: its members' (team OWNER/ADMIN or system admin)",
                  AvailabilitySchemas.answer),
              AvailabilityHandlers.get)
        Route(.get, "/users/{userId}/availability", query: AvailabilitySchemas.query,
              doc: OpenAPIOperation.respond("Find a user's availability",
                  "Busy times, bookable date ranges, working hours and date overrides between dateFrom and dateTo, computed as POST /bookings checks slots; any authenticated caller (with teamId: the team's members, as /availability)",
                  AvailabilitySchemas.answer),
              AvailabilityHandlers.get)
        Route(.get, "/teams/{teamId}/availability", query: AvailabilitySchemas.teamQuery,
              doc: OpenAPIOperation.respond("Find the availability of a team's members", "One availability per accepted member; team OWNER/ADMIN or system admin",
                  AvailabilitySchemas.teamAnswer),
              AvailabilityHandlers.get)
    }
}
