import PluginSDK

/// The BookingReferences plugin: `/booking-references` and `/booking-references/{id}`
/// (bookings-and-auth.md §5). Rows only: the external calendar event or meeting is never touched.
/// Every `{id}` route runs the access check (the booking's organizer, or a system admin; 403 for
/// anyone else, also for a missing reference) before its body is validated.
let plugin = Plugin("booking-references", version: "1.0.0", statements: BookingReferencesSQL.self,
                    components: ["BookingReference": BookingReferencesSchemas.publicReference]) {
    Resource("booking-references") {
        Route(.get, "/booking-references", query: .pagination,
              doc: doc("Find all booking references", "Live references of the bookings the caller organizes, or every reference for a system admin", array: true),
              BookingReferencesHandlers.list)
        Route(.post, "/booking-references", body: BookingReferencesSchemas.createBody,
              doc: doc("Creates a new booking reference", "On a booking the caller organizes (any existing booking for a system admin)",
                       created: "Booking reference created successfully"),
              BookingReferencesHandlers.create)
        RouteGroup("/booking-references/{id}", id: .number(), access: .row(.organized, else: .forbidden)) {
            Route(.get, doc: doc("Find a booking reference", "Of a booking the caller organizes, or any for a system admin")) {
                .envelope("booking_reference", try $0.findById(.find, orElse: BookingReferencesHandlers.notFound($0)))
            }
            Route(.patch, body: BookingReferencesSchemas.editBody, doc: doc("Edit an existing booking reference", "Soft-deleted references cannot be edited"),
                  BookingReferencesHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message("Remove an existing booking reference", "A hard delete")) {
                .message("BookingReference with id: \(try $0.deleteById(.delete, orElse: BookingReferencesHandlers.notFound($0))) deleted")
            }
        }
    }
}

/// An operation object whose 200 answer wraps one BookingReference (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false, created: String? = nil) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "booking_references" : "booking_reference",
                               component: "BookingReference", array: array, created: created)
}
