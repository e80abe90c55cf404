/// OpenAPI operation objects in the shape every Cal.com route documents: a 200 answer that wraps a
/// component (or an array of it) in an envelope key, and the usual error statuses. The host adds
/// the parameters and the request body from the route's schemas.
public enum OpenAPIOperation {
    /// An operation whose 200 answer is `{"<envelope>": <component or [component]>}`.
    public static func enveloped(_ summary: String, _ description: String, envelope: String, component: String, array: Bool) -> String {
        let item = ##"{"$ref":"#/components/schemas/\##(component)"}"##
        let value = array ? #"{"type":"array","items":\#(item)}"# : item
        return respond(summary, description, #"{"type":"object","properties":{"\#(envelope)":\#(value)}}"#)
    }

    /// The same, with the arguments named.
    public static func returning(_ component: String, in envelope: String, array: Bool = false,
                                 summary: String, description: String) -> String {
        enveloped(summary, description, envelope: envelope, component: component, array: array)
    }

    /// An operation whose 200 answer is `{"message": "…"}` (deletes, cancellations).
    public static func message(_ summary: String, _ description: String) -> String {
        respond(summary, description, #"{"type":"object","properties":{"message":{"type":"string"}}}"#)
    }

    /// The same, with the arguments named.
    public static func message(summary: String, description: String) -> String {
        message(summary, description)
    }

    /// An operation whose 200 answer has the given JSON Schema.
    public static func respond(_ summary: String, _ description: String, _ schema: String) -> String {
        #"""
        {"summary":"\#(summary)","description":"\#(description)","responses":{"200":{"description":"OK","content":{"application/json":{"schema":\#(schema)}}},"400":{"description":"Bad request"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Not found"}}}
        """#
    }
}
