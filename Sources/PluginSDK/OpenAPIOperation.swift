/// OpenAPI operation objects in the shape every Cal.com route documents: a 200 answer that wraps a
/// component (or an array of it) in an envelope key, and the usual error statuses. The host adds
/// the parameters and the request body from the route's schemas, and the error answers' schemas.
public enum OpenAPIOperation {
    /// An operation whose 200 answer is `{"<envelope>": <component or [component]>}`; with
    /// `created` (the handler's message, the document's example), Cal.com's answer to a create:
    /// `{"<envelope>": <component>, "message": "…"}`.
    public static func enveloped(_ summary: String, _ description: String, envelope: String, component: String, array: Bool,
                                 created: String? = nil) -> String {
        let item = ##"{"$ref":"#/components/schemas/\##(component)"}"##
        let value = array ? #"{"type":"array","items":\#(item)}"# : item
        let message = created.map { #","message":{"type":"string","example":\#(SchemaFragments.quoted($0))}"# } ?? ""
        let required = created == nil ? #"["\#(envelope)"]"# : #"["\#(envelope)","message"]"#
        return respond(summary, description, #"{"type":"object","required":\#(required),"properties":{"\#(envelope)":\#(value)\#(message)}}"#)
    }

    /// The same, with the arguments named.
    public static func returning(_ component: String, in envelope: String, array: Bool = false, created: String? = nil,
                                 summary: String, description: String) -> String {
        enveloped(summary, description, envelope: envelope, component: component, array: array, created: created)
    }

    /// An operation whose 200 answer is `{"message": "…"}` (deletes, cancellations).
    public static func message(_ summary: String, _ description: String) -> String {
        respond(summary, description, #"{"type":"object","required":["message"],"properties":{"message":{"type":"string"}}}"#)
    }

    /// The same, with the arguments named.
    public static func message(summary: String, description: String) -> String {
        message(summary, description)
    }

    /// An operation whose 200 answer has the given JSON Schema; `badRequest` is the schema of its
    /// 400 answer when the handler says more than `{"message"}` (the host documents that one).
    public static func respond(_ summary: String, _ description: String, _ schema: String, badRequest: String? = nil) -> String {
        let refusal = badRequest.map { #","content":{"application/json":{"schema":\#($0)}}"# } ?? ""
        return #"""
        {"summary":"\#(summary)","description":"\#(description)","responses":{"200":{"description":"OK","content":{"application/json":{"schema":\#(schema)}}},"400":{"description":"Bad request"\#(refusal)},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Not found"}}}
        """#
    }
}
