/// Turns a validation schema into its OpenAPI 3.0 spelling: 3.0 has no type arrays, so
/// `"type": ["integer", "string"]` becomes `anyOf` and a `"null"` member becomes `nullable`; a
/// nullable `enum` lists `null` too, since 3.0.3 says `nullable` does not widen an `enum` (the
/// validator accepts null there). The calapi-only `x-message` and `x-coerce` are kept (extensions
/// are allowed); `x-document` is merged into its schema (`DocumentedRules`), and the rules calapi's
/// own formats and coercions enforce are stated in standard keywords (`DocumentedFormats`).
enum OpenAPISchema {
    static func from(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .array(let items): return .array(items.map(from))
        case .object(var object):
            object = DocumentedRules.merged(object)
            for index in object.members.indices where !values.contains(object.members[index].key) {
                let value = object.members[index].value
                if object.members[index].key == "properties", case .object(var properties) = value {
                    for property in properties.members.indices {
                        properties.members[property].value = from(properties.members[property].value)
                    }
                    object.members[index].value = .object(properties)
                } else {
                    object.members[index].value = from(value)
                }
            }
            object = DocumentedFormats.stated(spelled(object))
            if object["nullable"] == .bool(true), case .array(var values)? = object["enum"], !values.contains(.null) {
                values.append(.null)
                object["enum"] = .array(values)
            }
            return .object(object)
        default: return schema
        }
    }

    /// Keywords whose value is data, not a schema: left as they are.
    private static let values: Set<String> = ["enum", "const", "default", "example", "examples", "required", "pattern"]

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

/// `x-document`: keywords a plugin states for the document only, because its handler (not the
/// validator) enforces them with its own message (`take` up to `limits.max_page_size`, the shape
/// of a compound id, a date the handler parses). They replace the schema's own keywords of the
/// same name.
enum DocumentedRules {
    static let keyword = "x-document"

    static func merged(_ node: JSONObject) -> JSONObject {
        guard case .object(let rules)? = node[keyword] else { return node }
        var object = node
        object.members.removeAll { $0.key == keyword }
        for (name, value) in rules.members { object[name] = value }
        return object
    }
}
