import CalapiPluginAPI
import PluginSDK

/// The routes and their schemas. The `{id}` routes run Cal.com's ownership middleware first.
enum CustomInputsRoutes {
    static func register(_ registrar: inout PluginRegistrar) {
        registrar.declare(resource: "custom-inputs", ceiling: CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE)
        CustomInputsStatements.register(&registrar)
        registrar.component("EventTypeCustomInput", schema: CustomInputsSchemas.publicCustomInput)

        registrar.route(CALAPI_GET, "/custom-inputs", resource: "custom-inputs",
                        handler: { req, _ in CustomInputsHandlers.list(Request(req)) }, query: SchemaFragments.paginationQuery,
                        openapi: operation("Find all event type custom inputs", "Inputs of the caller's personal event types, or every input for a system admin", envelope: "event_type_custom_inputs", array: true))
        registrar.route(CALAPI_POST, "/custom-inputs", resource: "custom-inputs",
                        handler: { req, _ in CustomInputsHandlers.create(Request(req)) },
                        body: CustomInputsSchemas.createBody,
                        openapi: operation("Creates a new event type custom input", "On an event type the caller owns (any for a system admin)", envelope: "event_type_custom_input", array: false))
        registrar.route(CALAPI_GET, "/custom-inputs/{id}", resource: "custom-inputs",
                        handler: { req, _ in CustomInputsHandlers.get(Request(req)) },
                        authorize: { req, _ in CustomInputsHandlers.authorizeInput(Request(req)) },
                        query: CustomInputsSchemas.idQuery,
                        openapi: operation("Find an event type custom input", "Of an event type the caller owns (any for a system admin)", envelope: "event_type_custom_input", array: false))
        registrar.route(CALAPI_PATCH, "/custom-inputs/{id}", resource: "custom-inputs",
                        handler: { req, _ in CustomInputsHandlers.update(Request(req)) },
                        authorize: { req, _ in CustomInputsHandlers.authorizeInput(Request(req)) },
                        body: CustomInputsSchemas.editBody, query: CustomInputsSchemas.idQuery,
                        openapi: operation("Edit an existing event type custom input", "Of an event type the caller owns, moved only to another one the caller owns", envelope: "event_type_custom_input", array: false))
        registrar.route(CALAPI_DELETE, "/custom-inputs/{id}", resource: "custom-inputs",
                        handler: { req, _ in CustomInputsHandlers.delete(Request(req)) },
                        authorize: { req, _ in CustomInputsHandlers.authorizeInput(Request(req)) },
                        query: CustomInputsSchemas.idQuery,
                        openapi: #"{"summary":"Remove an existing event type custom input","responses":{"200":{"description":"OK, custom input removed"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Custom input not found"}}}"#)
    }

    /// An operation object whose 200 answer wraps one input (or an array of them) in `envelope`.
    private static func operation(_ summary: String, _ description: String, envelope: String, array: Bool) -> String {
        OpenAPIOperation.enveloped(summary, description, envelope: envelope, component: "EventTypeCustomInput", array: array)
    }
}
