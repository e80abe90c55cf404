/// A borrowed node of the request's validated JSON (body or query). Absent members are nodes
/// too (`isPresent == false`), so lookups chain: `request.body["hosts"][0]["userId"].int`.
public struct JSONNode {
    let raw: OpaquePointer?

    public enum Kind { case null, bool, int, double, string, array, object }

    /// False when the member does not exist (as opposed to being JSON null).
    public var isPresent: Bool { raw != nil }

    public var kind: Kind {
        switch PluginHost.table.pointee.json_type(raw) {
        case CALAPI_JSON_BOOL: return .bool
        case CALAPI_JSON_INT: return .int
        case CALAPI_JSON_DOUBLE: return .double
        case CALAPI_JSON_STRING: return .string
        case CALAPI_JSON_ARRAY: return .array
        case CALAPI_JSON_OBJECT: return .object
        default: return .null
        }
    }

    /// Present and JSON null.
    public var isNull: Bool { raw != nil && kind == .null }

    public subscript(key: String) -> JSONNode {
        withCalapiString(key) { JSONNode(raw: PluginHost.table.pointee.json_get(raw, $0)) }
    }

    public subscript(index: Int) -> JSONNode {
        index < 0 ? JSONNode(raw: nil) : JSONNode(raw: PluginHost.table.pointee.json_at(raw, index))
    }

    public var count: Int { PluginHost.table.pointee.json_len(raw) }

    /// Elements of an array (or member values of an object).
    public var elements: [JSONNode] { (0..<count).map { self[$0] } }

    /// Member names of an object.
    public var keys: [String] { (0..<count).map { PluginHost.table.pointee.json_key_at(raw, $0).string } }

    public var int: Int64? {
        let kind = self.kind
        return kind == .int || kind == .double ? PluginHost.table.pointee.json_int(raw) : nil
    }

    public var double: Double? {
        let kind = self.kind
        return kind == .int || kind == .double ? PluginHost.table.pointee.json_double(raw) : nil
    }

    public var bool: Bool? { kind == .bool ? PluginHost.table.pointee.json_bool(raw) != 0 : nil }

    public var string: String? { kind == .string ? PluginHost.table.pointee.json_string(raw).string : nil }

    /// The node as a statement parameter: its JSON text (for jsonb parameters).
    public var json: Param { .json(self) }
}
