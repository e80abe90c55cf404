/// An example for a schema that has none of its own, made of the examples of its parts: the
/// component a `$ref` names, each property's, an array's item (a list of one). The document
/// then shows a whole answer (`{"booking": {…}}`) where plugins gave examples for the component
/// only. Nil when a required property has no example, or no part has one: an example must
/// validate against its schema (`DocumentExamplesTests` checks every one).
enum ComposedExample {
    static func of(_ schema: JSONValue, components: JSONObject, depth: Int = 0) -> JSONValue? {
        guard depth < 16, case .object(let rules) = schema else { return nil }
        if let example = rules["example"] { return example }
        if case .string(let ref)? = rules["$ref"] {
            let prefix = "#/components/schemas/"
            guard ref.hasPrefix(prefix), let target = components[String(ref.dropFirst(prefix.count))] else { return nil }
            return of(target, components: components, depth: depth + 1)
        }
        for keyword in ["oneOf", "anyOf"] {
            guard case .array(let options)? = rules[keyword] else { continue }
            return options.lazy.compactMap { of($0, components: components, depth: depth + 1) }.first
        }
        if case .array(let parts)? = rules["allOf"] {
            return parts.count == 1 ? of(parts[0], components: components, depth: depth + 1) : nil
        }
        if let items = rules["items"] {
            return of(items, components: components, depth: depth + 1).map { .array([$0]) }
        }
        guard case .object(let properties)? = rules["properties"] else { return nil }
        var required: [String] = []
        if case .array(let names)? = rules["required"] {
            required = names.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
        }
        var example = JSONObject()
        for (name, property) in properties.members {
            if let value = of(property, components: components, depth: depth + 1) {
                example[name] = value
            } else if required.contains(name) {
                return nil
            }
        }
        return example.members.isEmpty ? nil : .object(example)
    }
}
