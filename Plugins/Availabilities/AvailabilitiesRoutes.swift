import PluginSDK

/// The Availabilities plugin: `/availabilities` and `/availabilities/{id}` (Cal.com v1 §8). There is
/// no list: `GET /availabilities` answers 405.
let plugin = Plugin("availabilities", version: "1.0.0", statements: AvailabilitiesSQL.self,
                    components: ["Availability": AvailabilitiesSchemas.publicAvailability]) {
    Resource("availabilities") {
        Route(.post, "/availabilities", body: AvailabilitiesSchemas.createBody,
              doc: OpenAPIOperation.returning("Availability", in: "availability",
                                              created: "Availability created successfully", summary: "Creates a new availability",
                                              description: "On one of the caller's schedules, or any schedule for a system admin"),
              AvailabilitiesHandlers.create)
        // The `[id]` middleware: a non-admin only reaches rows of their own schedules (404 otherwise), before the body.
        RouteGroup("/availabilities/{id}", id: .integerColumn(), access: .row(.owned, else: AvailabilitiesHandlers.notFound)) {
            Route(.get, doc: OpenAPIOperation.returning("Availability", in: "availability", summary: "Find an availability",
                                                        description: "A row of one of the caller's schedules, or any for a system admin")) {
                .envelope("availability", try $0.findById(.find, orElse: AvailabilitiesHandlers.notFound($0)))
            }
            Route(.patch, body: AvailabilitiesSchemas.editBody,
                  doc: OpenAPIOperation.returning("Availability", in: "availability", summary: "Edit an existing availability",
                                                  description: "The schedule cannot be changed"),
                  AvailabilitiesHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing availability",
                                                         description: "A row of one of the caller's schedules, or any for a system admin")) {
                .message("Availability with id: \(try $0.deleteById(.delete, orElse: AvailabilitiesHandlers.notFound($0))) deleted successfully")
            }
        }
    }
}
