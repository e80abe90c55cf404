/// One statement parameter, sent to PostgreSQL as text (the SQL casts it, e.g. `$1::int`).
public enum Param {
    case null
    case text(String)
    case int(Int64)
    case bool(Bool)
    case double(Double)
    /// A request node as JSON text (SQL NULL when absent): for `$n::jsonb` parameters.
    case json(JSONNode)
    /// A request node's scalar text (strings unquoted; SQL NULL for null or absent).
    case node(JSONNode)

    /// Calls `body` with the C form, whose strings borrow from `self`.
    func withValue<T>(_ body: (calapi_value) -> T) -> T {
        let empty = calapi_str(ptr: nil, len: 0)
        switch self {
        case .null: return body(calapi_value(type: CALAPI_PARAM_NULL, reserved: 0, i: 0, d: 0, s: empty, node: nil))
        case .text(let text):
            return withCalapiString(text) { body(calapi_value(type: CALAPI_PARAM_TEXT, reserved: 0, i: 0, d: 0, s: $0, node: nil)) }
        case .int(let value): return body(calapi_value(type: CALAPI_PARAM_INT, reserved: 0, i: value, d: 0, s: empty, node: nil))
        case .bool(let value): return body(calapi_value(type: CALAPI_PARAM_BOOL, reserved: 0, i: value ? 1 : 0, d: 0, s: empty, node: nil))
        case .double(let value): return body(calapi_value(type: CALAPI_PARAM_DOUBLE, reserved: 0, i: 0, d: value, s: empty, node: nil))
        case .json(let node): return body(calapi_value(type: CALAPI_PARAM_JSON, reserved: 0, i: 0, d: 0, s: empty, node: node.raw))
        case .node(let node): return body(calapi_value(type: CALAPI_PARAM_NODE, reserved: 0, i: 0, d: 0, s: empty, node: node.raw))
        }
    }
}

/// Converts every parameter, keeping their borrowed strings alive during `body`.
func withValues<T>(_ params: ArraySlice<Param>, _ done: [calapi_value] = [], _ body: ([calapi_value]) -> T) -> T {
    guard let first = params.first else { return body(done) }
    return first.withValue { value in withValues(params.dropFirst(), done + [value], body) }
}
