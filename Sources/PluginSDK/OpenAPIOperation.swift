/// OpenAPI operation objects in the shape every Cal.com route documents: a 200 answer that wraps a
/// component (or an array of it) in an envelope key, and the usual error statuses.
public enum OpenAPIOperation {
    /// An operation whose 200 answer is `{"<envelope>": <component or [component]>}`.
    public static func enveloped(_ summary: String, _ description: String, envelope: String, component: String, array: Bool) -> String {
        let item = ##"{"$ref":"#/components/schemas/\##(component)"}"##
        let value = array ? #"{"type":"array","items":\#(item)}"# : item
        return respond(summary, description, #"{"type":"object","properties":{"\#(envelope)":\#(value)}}"#)
    }

    /// An operation whose 200 answer is `{"message": "…"}` (deletes, cancellations).
    public static func message(_ summary: String, _ description: String) -> String {
        respond(summary, description, #"{"type":"object","properties":{"message":{"type":"string"}}}"#)
    }

    /// An operation whose 200 answer has the given JSON Schema.
    public static func respond(_ summary: String, _ description: String, _ schema: String) -> String {
        #"""
        {"summary":"\#(summary)","description":"\#(description)","responses":{"200":{"description":"OK","content":{"application/json":{"schema":\#(schema)}}},"400":{"description":"Bad request"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Not found"}}}
        """#
    }
}
