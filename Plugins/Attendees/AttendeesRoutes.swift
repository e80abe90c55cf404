import PluginSDK

/// The Attendees plugin: `/attendees` and `/attendees/{id}` (bookings-and-auth.md §4). An attendee
/// is reached through its booking's organizer; system admins reach every attendee. Every `{id}`
/// route runs the access check before its body is validated, as Cal.com's `_auth-middleware` did.
let plugin = Plugin("attendees", version: "1.0.0", statements: AttendeesSQL.self,
                    components: ["Attendee": AttendeesSchemas.publicAttendee]) {
    Resource("attendees") {
        Route(.get, "/attendees", query: .pagination,
              doc: doc("Find all attendees", "Attendees of the bookings the caller organizes, or every attendee for a system admin", array: true),
              AttendeesHandlers.list)
        Route(.post, "/attendees", body: AttendeesSchemas.createBody,
              doc: doc("Creates a new attendee", "On a booking the caller organizes (any booking for a system admin)",
                       created: "Attendee created successfully"),
              AttendeesHandlers.create)
        RouteGroup("/attendees/{id}", id: .number(), access: .row(.organized, else: .forbidden)) {
            Route(.get, doc: doc("Find an attendee", "Of a booking the caller organizes, or any for a system admin")) {
                .envelope("attendee", try $0.findById(.find, orElse: AttendeesHandlers.notFound))
            }
            Route(.patch, body: AttendeesSchemas.editBody,
                  doc: doc("Edit an existing attendee", "Of a booking the caller organizes; moving it needs the target booking too"),
                  AttendeesHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message("Remove an existing attendee", "Of a booking the caller organizes, or any for a system admin")) {
                .message("Attendee with id: \(try $0.deleteById(.delete, orElse: AttendeesHandlers.notFound)) deleted successfully")
            }
        }
    }
}

private func doc(_ summary: String, _ description: String, array: Bool = false, created: String? = nil) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "attendees" : "attendee", component: "Attendee", array: array,
                               created: created)
}
