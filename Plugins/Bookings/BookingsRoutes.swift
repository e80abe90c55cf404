import CalapiPluginAPI
import PluginSDK

/// The routes. Every `{id}` route runs the booking access check first, before its query and body
/// are validated, as Cal.com's `[id]/_auth-middleware` did: reading and cancelling for the
/// organizer's side and attendees, editing and confirming for the organizer's side only.
enum BookingsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "bookings", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        BookingsStatements.register(&registrar)
        BookingCreationStatements.register(&registrar)
        registrar.component("Booking", schema: BookingsSchemas.publicBooking)

        registrar.route(CALAPI_GET, "/bookings", resource: "bookings", handler: { req, _ in BookingsHandlers.list(Request(req)) },
                        query: BookingsSchemas.listQuery,
                        openapi: OpenAPIOperation.enveloped("Find all bookings", "Bookings the caller organizes; every booking (or the given users' ones) for a system admin",
                                                            envelope: "bookings", component: "Booking", array: true))
        registrar.route(CALAPI_POST, "/bookings", resource: "bookings", handler: { req, _ in BookingCreation.create(Request(req)) },
                        body: BookingsSchemas.createBody,
                        openapi: OpenAPIOperation.respond("Creates a new booking", "The bare booking object (no envelope); refuses with Cal.com's codes (400): a slot no host is free for, outside the bookable hours or overlapping an accepted booking with buffers (no_available_users_found_error, with calapi's reason), or a full seated slot (booking_seats_full_error)",
                                                          ##"{"$ref":"#/components/schemas/Booking"}"##))
        let reader: PluginRegistrar.Handler = { req, _ in BookingsHandlers.authorizeReader(Request(req)) }
        let organizerSide: PluginRegistrar.Handler = { req, _ in BookingsHandlers.authorizeOrganizerSide(Request(req)) }
        registrar.route(CALAPI_GET, "/bookings/{id}", resource: "bookings", handler: { req, _ in BookingsHandlers.get(Request(req)) },
                        authorize: reader, query: BookingsSchemas.getQuery,
                        openapi: OpenAPIOperation.enveloped("Find a booking", "For its organizer, attendees, event-type owner, team admins, or a system admin",
                                                            envelope: "booking", component: "Booking", array: false))
        registrar.route(CALAPI_PATCH, "/bookings/{id}", resource: "bookings", handler: { req, _ in BookingsHandlers.update(Request(req)) },
                        authorize: organizerSide, body: BookingsSchemas.editBody, query: BookingsSchemas.idQuery,
                        openapi: OpenAPIOperation.enveloped("Edit an existing booking", "A raw edit without notifications, by its organizer, its event type's owner, its team's admins or a system admin; the answer holds no relations",
                                                            envelope: "booking", component: "Booking", array: false))
        let cancel = OpenAPIOperation.message("Cancel an existing booking", "Sets it cancelled (the row is kept); query: cancellationReason, allRemainingBookings, cancelledBy")
        registrar.route(CALAPI_DELETE, "/bookings/{id}", resource: "bookings", handler: { req, _ in BookingsCancellation.cancel(Request(req)) },
                        authorize: reader, query: BookingsSchemas.cancelQuery, openapi: cancel)
        registrar.route(CALAPI_DELETE, "/bookings/{id}/cancel", resource: "bookings", handler: { req, _ in BookingsCancellation.cancel(Request(req)) },
                        authorize: reader, query: BookingsSchemas.cancelQuery, openapi: cancel)
        registrar.route(CALAPI_POST, "/bookings/{id}/confirm", resource: "bookings", handler: { req, _ in BookingsCancellation.confirm(Request(req)) },
                        authorize: organizerSide, body: BookingsSchemas.confirmBody, query: BookingsSchemas.idQuery,
                        openapi: OpenAPIOperation.respond("Confirm or reject a booking", "Sets it accepted or rejected; its organizer, its event type's owner, its team's admins or a system admin",
                                                          #"{"type":"object","properties":{"message":{"type":"string"},"status":{"type":"string","enum":["ACCEPTED","REJECTED"]}}}"#))
    }
}
