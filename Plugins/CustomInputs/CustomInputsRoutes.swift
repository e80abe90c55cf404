import PluginSDK

/// The CustomInputs plugin: `/custom-inputs` and `/custom-inputs/{id}` (Cal.com v1 §6). The `{id}`
/// routes run Cal.com's ownership middleware first.
let plugin = Plugin("custom-inputs", version: "1.0.0", statements: CustomInputsSQL.self,
                    components: ["EventTypeCustomInput": CustomInputsSchemas.publicCustomInput]) {
    Resource("custom-inputs") {
        Route(.get, "/custom-inputs", query: .pagination,
              doc: doc("Find all event type custom inputs", "Inputs of the caller's personal event types, or every input for a system admin", array: true)) {
            try $0.list("event_type_custom_inputs", .list, $0.callerScope)
        }
        Route(.post, "/custom-inputs", body: CustomInputsSchemas.createBody,
              doc: doc("Creates a new event type custom input", "On an event type the caller owns (any for a system admin)",
                       created: "EventTypeCustomInput created successfully"),
              CustomInputsHandlers.create)
        RouteGroup("/custom-inputs/{id}", id: .number(), access: .row(.owned, else: .forbidden)) {
            Route(.get, doc: doc("Find an event type custom input", "Of an event type the caller owns (any for a system admin)")) {
                .envelope("event_type_custom_input", try $0.findById(.find, orElse: CustomInputsHandlers.notFound))
            }
            Route(.patch, body: CustomInputsSchemas.editBody,
                  doc: doc("Edit an existing event type custom input", "Of an event type the caller owns, moved only to another one the caller owns"),
                  CustomInputsHandlers.update)
            Route(.delete, doc: OpenAPIOperation.message(summary: "Remove an existing event type custom input",
                                                         description: "Of an event type the caller owns (any for a system admin); 404 when it does not exist")) {
                .message("CustomInputEventType with id: \(try $0.deleteById(.delete, orElse: CustomInputsHandlers.notFound)) deleted successfully")
            }
        }
    }
}

/// An operation object whose 200 answer wraps one input (or an array of them).
private func doc(_ summary: String, _ description: String, array: Bool = false, created: String? = nil) -> String {
    OpenAPIOperation.enveloped(summary, description, envelope: array ? "event_type_custom_inputs" : "event_type_custom_input",
                               component: "EventTypeCustomInput", array: array, created: created)
}
