/// Turns a validation schema into its OpenAPI 3.0 spelling: 3.0 has no type arrays, so
/// `"type": ["integer", "string"]` becomes `anyOf` and a `"null"` member becomes `nullable`; the
/// calapi-only `x-message` and `x-coerce` are kept (extensions are allowed). Everything else is already 3.0.
enum OpenAPISchema {
    static func from(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .array(let items): return .array(items.map(from))
        case .object(var object):
            for index in object.members.indices {
                object.members[index].value = from(object.members[index].value)
            }
            guard case .array(let types)? = object["type"] else { return .object(object) }
            var names = types.compactMap { type -> String? in if case .string(let name) = type { return name } else { return nil } }
            if names.contains("null") {
                names.removeAll { $0 == "null" }
                object["nullable"] = .bool(true)
            }
            object.members.removeAll { $0.key == "type" }
            if names.count == 1 {
                object["type"] = .string(names[0])
            } else {
                object["anyOf"] = .array(names.map { .object(JSONObject(members: [(key: "type", value: .string($0))])) })
            }
            return .object(object)
        default: return schema
        }
    }
}
