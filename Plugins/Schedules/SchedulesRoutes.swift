import PluginSDK

/// The Schedules plugin: `/schedules` and `/schedules/{id}` (Cal.com v1 §7).
let plugin = Plugin("schedules", version: "1.0.0", statements: SchedulesSQL.self,
                    components: ["Schedule": SchedulesSchemas.publicSchedule]) {
    Resource("schedules") {
        // `?userId=` is for admins, refused before the query is parsed (as Cal.com does).
        Route(.get, "/schedules", query: SchedulesSchemas.listQuery,
              access: Access { if !$0.isAdmin && $0.query["userId"].isPresent { throw HTTPError.unauthorized("Unauthorized: Only admins can query other users") } },
              doc: OpenAPIOperation.returning("Schedule", in: "schedules", array: true, summary: "Find all schedules",
                                              description: "The caller's schedules, or every schedule (optionally of some users) for a system admin")) {
            try $0.list("schedules", .list, $0.callerScope, $0.query["userId"].json)
        }
        Route(.post, "/schedules", body: SchedulesSchemas.createBody,
              doc: OpenAPIOperation.returning("Schedule", in: "schedule", created: "Schedule created successfully", summary: "Creates a new schedule",
                                              description: "Created with Monday to Friday, 09:00 to 17:00; userId is for system admins"),
              SchedulesHandlers.create)
        // The `[id]` middleware: a non-admin must own the schedule (403 otherwise), checked before the body.
        RouteGroup("/schedules/{id}", id: .integerColumn(), access: .row(.owned, else: .forbidden)) {
            Route(.get, doc: OpenAPIOperation.returning("Schedule", in: "schedule", summary: "Find a schedule",
                                                        description: "One of the caller's schedules, or any for a system admin")) {
                .envelope("schedule", try $0.findById(.find, orElse: SchedulesHandlers.notFound($0)))
            }
            Route(.patch, body: SchedulesSchemas.editBody,
                  doc: OpenAPIOperation.returning("Schedule", in: "schedule", summary: "Edit an existing schedule",
                                                  description: "Only system admins may change the owner (userId)"),
                  SchedulesHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing schedule",
                                                         description: "A user whose default schedule it was is left without a default"),
                  SchedulesHandlers.delete)
        }
    }
}
