/// OpenAPI operation objects for the common shapes of Cal.com v1 answers. The host adds the
/// parameters and the request body from the route's schemas.
public enum OpenAPIOperation {
    /// An operation whose 200 answer is `{"<envelope>": <component>}` (or an array of them).
    public static func returning(_ component: String, in envelope: String, array: Bool = false,
                                 summary: String, description: String) -> String {
        let item = ##"{"$ref":"#/components/schemas/\##(component)"}"##
        let value = array ? #"{"type":"array","items":\#(item)}"# : item
        return #"""
            {"summary":"\#(summary)","description":"\#(description)","responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","properties":{"\#(envelope)":\#(value)}}}}},\#(errors)}}
            """#
    }

    /// An operation whose 200 answer is `{"message": …}` (deletes).
    public static func message(summary: String, description: String) -> String {
        #"""
        {"summary":"\#(summary)","description":"\#(description)","responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","properties":{"message":{"type":"string"}}}}}},\#(errors)}}
        """#
    }

    private static let errors = #""400":{"description":"Bad request"},"401":{"description":"Authorization information is missing or invalid"},"403":{"description":"Forbidden"},"404":{"description":"Not found"}"#
}
