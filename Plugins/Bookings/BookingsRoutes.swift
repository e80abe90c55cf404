import PluginSDK

/// The Bookings plugin: `/bookings`, `/bookings/{id}`, `/bookings/{id}/cancel` and
/// `/bookings/{id}/confirm` (bookings-and-auth.md §3). Every `{id}` route runs the booking access
/// check first, before its query and body are validated, as Cal.com's `[id]/_auth-middleware` did:
/// reading and cancelling for the organizer's side and attendees, editing and confirming for the
/// organizer's side only.
let plugin = Plugin("bookings", version: "1.0.0", statements: BookingsSQL.self,
                    components: ["Booking": BookingsSchemas.publicBooking, "CreatedBooking": BookingsSchemas.createdBooking]) {
    Resource("bookings") {
        Route(.get, "/bookings", query: BookingsSchemas.listQuery,
              doc: doc("Find all bookings", "Bookings the caller organizes; every booking (or the given users' ones) for a system admin", array: true),
              BookingsHandlers.list)
        Route(.post, "/bookings", body: BookingsSchemas.createBody,
              doc: OpenAPIOperation.respond("Creates a new booking", "The bare booking object (no envelope); refuses with Cal.com's codes (400): a slot no host is free for, outside the bookable hours or overlapping an accepted booking with buffers (no_available_users_found_error, with calapi's reason), or a full seated slot (booking_seats_full_error)",
                                            ##"{"$ref":"#/components/schemas/CreatedBooking"}"##, badRequest: BookingsSchemas.refusal),
              BookingCreation.create)
        RouteGroup("/bookings/{id}", id: .number()) {
            Route(.get, query: BookingsSchemas.expandQuery, access: BookingsHandlers.reader,
                  doc: doc("Find a booking", "For its organizer, attendees, event-type owner, team admins, or a system admin"),
                  BookingsHandlers.get)
            Route(.patch, body: BookingsSchemas.editBody, access: BookingsHandlers.organizerSide,
                  doc: doc("Edit an existing booking", "A raw edit without notifications, by its organizer, its event type's owner, its team's admins or a system admin; the answer holds no relations"),
                  BookingsHandlers.update)
            Route(.delete, query: BookingsSchemas.cancelQuery, access: BookingsHandlers.reader, doc: cancelDoc, BookingsCancellation.cancel)
            Route(.delete, "/cancel", query: BookingsSchemas.cancelQuery, access: BookingsHandlers.reader, doc: cancelDoc,
                  BookingsCancellation.cancel)
            Route(.post, "/confirm", body: BookingsSchemas.confirmBody, access: BookingsHandlers.organizerSide,
                  doc: OpenAPIOperation.respond("Confirm or reject a booking", "Sets it accepted or rejected; its organizer, its event type's owner, its team's admins or a system admin",
                                                #"{"type":"object","properties":{"message":{"type":"string"},"status":{"type":"string","enum":["ACCEPTED","REJECTED"]}}}"#),
                  BookingsCancellation.confirm)
        }
    }
}

private let cancelDoc = OpenAPIOperation.message("Cancel an existing booking",
                                                 "Sets it cancelled (the row is kept); query: cancellationReason, allRemainingBookings, cancelledBy")

/// An operation object whose 200 answer wraps one Booking (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "bookings" : "booking", component: "Booking", array: array)
}
