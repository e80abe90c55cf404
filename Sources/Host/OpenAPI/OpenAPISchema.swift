/// Turns a validation schema into its OpenAPI 3.0 spelling: 3.0 has no type arrays, so
/// `"type": ["integer", "string"]` becomes `anyOf` and a `"null"` member becomes `nullable`; a
/// nullable `enum` lists `null` too, since 3.0.3 says `nullable` does not widen an `enum` (the
/// validator accepts null there). The calapi-only `x-message` and `x-coerce` are kept (extensions
/// are allowed). Everything else is already 3.0.
enum OpenAPISchema {
    static func from(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .array(let items): return .array(items.map(from))
        case .object(var object):
            for index in object.members.indices {
                object.members[index].value = from(object.members[index].value)
            }
            object = spelled(object)
            if object["nullable"] == .bool(true), case .array(var values)? = object["enum"], !values.contains(.null) {
                values.append(.null)
                object["enum"] = .array(values)
            }
            return .object(object)
        default: return schema
        }
    }

    /// The node with a type array spelled as 3.0 does.
    private static func spelled(_ node: JSONObject) -> JSONObject {
        var object = node
        guard case .array(let types)? = object["type"] else { return object }
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
        return object
    }
}
