import CalapiPluginAPI
import PluginSDK

/// The routes; every `{id}` route runs the access check before its body is validated, as Cal.com's
/// `_auth-middleware` did.
enum AttendeesRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "attendees", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        AttendeesStatements.register(&registrar)
        registrar.component("Attendee", schema: AttendeesSchemas.publicAttendee)

        registrar.route(CALAPI_GET, "/attendees", resource: "attendees", handler: { req, _ in AttendeesHandlers.list(Request(req)) },
                        query: SchemaFragments.paginationQuery,
                        openapi: OpenAPIOperation.enveloped("Find all attendees", "Attendees of the bookings the caller organizes, or every attendee for a system admin",
                                                            envelope: "attendees", component: "Attendee", array: true))
        registrar.route(CALAPI_POST, "/attendees", resource: "attendees", handler: { req, _ in AttendeesHandlers.create(Request(req)) },
                        body: AttendeesSchemas.createBody,
                        openapi: OpenAPIOperation.enveloped("Creates a new attendee", "On a booking the caller organizes (any booking for a system admin)",
                                                            envelope: "attendee", component: "Attendee", array: false))
        let authorize: PluginRegistrar.Handler = { req, _ in AttendeesHandlers.authorizeTarget(Request(req)) }
        registrar.route(CALAPI_GET, "/attendees/{id}", resource: "attendees", handler: { req, _ in AttendeesHandlers.get(Request(req)) },
                        authorize: authorize, query: AttendeesSchemas.idQuery,
                        openapi: OpenAPIOperation.enveloped("Find an attendee", "Of a booking the caller organizes, or any for a system admin",
                                                            envelope: "attendee", component: "Attendee", array: false))
        registrar.route(CALAPI_PATCH, "/attendees/{id}", resource: "attendees", handler: { req, _ in AttendeesHandlers.update(Request(req)) },
                        authorize: authorize, body: AttendeesSchemas.editBody, query: AttendeesSchemas.idQuery,
                        openapi: OpenAPIOperation.enveloped("Edit an existing attendee", "Of a booking the caller organizes; moving it needs the target booking too",
                                                            envelope: "attendee", component: "Attendee", array: false))
        registrar.route(CALAPI_DELETE, "/attendees/{id}", resource: "attendees", handler: { req, _ in AttendeesHandlers.delete(Request(req)) },
                        authorize: authorize, query: AttendeesSchemas.idQuery,
                        openapi: OpenAPIOperation.message("Remove an existing attendee", "Of a booking the caller organizes, or any for a system admin"))
    }
}
