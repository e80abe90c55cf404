import CalapiPluginAPI
import PluginSDK

/// The routes; every `{id}` route runs the access check before its body is validated.
enum BookingReferencesRoutes {
    static let resource = "booking-references"

    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: resource, ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        BookingReferencesStatements.register(&registrar)
        registrar.component("BookingReference", schema: BookingReferencesSchemas.publicReference)

        registrar.route(CALAPI_GET, "/booking-references", resource: resource,
                        handler: { req, _ in BookingReferencesHandlers.list(Request(req)) }, query: SchemaFragments.paginationQuery,
                        openapi: OpenAPIOperation.enveloped("Find all booking references", "Live references of the bookings the caller organizes, or every reference for a system admin",
                                                            envelope: "booking_references", component: "BookingReference", array: true))
        registrar.route(CALAPI_POST, "/booking-references", resource: resource,
                        handler: { req, _ in BookingReferencesHandlers.create(Request(req)) },
                        body: BookingReferencesSchemas.createBody,
                        openapi: OpenAPIOperation.enveloped("Creates a new booking reference", "On a booking the caller organizes (any existing booking for a system admin)",
                                                            envelope: "booking_reference", component: "BookingReference", array: false))
        let authorize: PluginRegistrar.Handler = { req, _ in BookingReferencesHandlers.authorizeTarget(Request(req)) }
        registrar.route(CALAPI_GET, "/booking-references/{id}", resource: resource,
                        handler: { req, _ in BookingReferencesHandlers.get(Request(req)) },
                        authorize: authorize, query: BookingReferencesSchemas.idQuery,
                        openapi: OpenAPIOperation.enveloped("Find a booking reference", "Of a booking the caller organizes, or any for a system admin",
                                                            envelope: "booking_reference", component: "BookingReference", array: false))
        registrar.route(CALAPI_PATCH, "/booking-references/{id}", resource: resource,
                        handler: { req, _ in BookingReferencesHandlers.update(Request(req)) },
                        authorize: authorize, body: BookingReferencesSchemas.editBody, query: BookingReferencesSchemas.idQuery,
                        openapi: OpenAPIOperation.enveloped("Edit an existing booking reference", "Soft-deleted references cannot be edited",
                                                            envelope: "booking_reference", component: "BookingReference", array: false))
        registrar.route(CALAPI_DELETE, "/booking-references/{id}", resource: resource,
                        handler: { req, _ in BookingReferencesHandlers.delete(Request(req)) },
                        authorize: authorize, query: BookingReferencesSchemas.idQuery,
                        openapi: OpenAPIOperation.message("Remove an existing booking reference", "A hard delete"))
    }
}
