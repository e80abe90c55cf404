/// Assembles the OpenAPI 3.0 document served at `/docs` from the routes actually mounted: each
/// operation is the plugin's fragment plus parameters taken from the path template and query
/// schema and a request body taken from the body schema, so the docs and the checks agree; the
/// error answers the host gives by itself are added to each (`HostErrorResponses`). Each operation
/// names the plugin that serves it and its version (`x-calapi-plugin`).
enum OpenAPIBuilder {
    static func document(routes: [Route], components: [ComponentSchema], serverURL: String) -> JSONValue {
        var schemas = JSONObject(members: [])
        for component in components + hostComponents { schemas[component.name] = OpenAPISchema.from(component.schema) }
        var paths = JSONObject(members: [])
        var tags: [String] = []
        for route in routes.sorted(by: { ($0.template.description, $0.method.rawValue) < ($1.template.description, $1.method.rawValue) }) {
            var item: JSONObject
            if case .object(let existing)? = paths[route.template.description] { item = existing } else { item = JSONObject(members: []) }
            item[route.method.names[0].lowercased()] = .object(exemplified(operation(for: route), components: schemas))
            paths[route.template.description] = .object(item)
            if !tags.contains(route.resource) { tags.append(route.resource) }
        }
        var securitySchemes = JSONObject(members: [])
        securitySchemes["ApiKeyAuth"] = object(["type": .string("apiKey"), "in": .string("query"), "name": .string("apiKey"),
                                                "description": .string("Cal.com's way")])
        securitySchemes["BearerAuth"] = object(["type": .string("http"), "scheme": .string("bearer"),
                                                "description": .string("calapi's addition, which keeps the key out of URLs and access logs")])
        var componentsObject = JSONObject(members: [])
        componentsObject["securitySchemes"] = .object(securitySchemes)
        componentsObject["schemas"] = .object(schemas)

        var document = JSONObject(members: [])
        document["openapi"] = .string("3.0.3")
        document["info"] = object(["title": .string("calapi: Cal.com API v1"), "version": .string("1.0.0"),
                                   "description": .string("Cal.com's public REST API v1, served by calapi.")])
        document["servers"] = .array([object(["url": .string(serverURL)])])
        document["security"] = .array([object(["ApiKeyAuth": .array([])]), object(["BearerAuth": .array([])])])
        document["tags"] = .array(tags.map { object(["name": .string($0)]) })
        document["paths"] = .object(paths)
        document["components"] = .object(componentsObject)
        return .object(document)
    }

    /// The components the host adds beside the plugins' (their names are reserved).
    static var hostComponents: [ComponentSchema] { HostErrorResponses.components + [DocumentedFormats.timeZone] }

    private static func operation(for route: Route) -> JSONObject {
        var operation = route.operation
        var parameters: [JSONValue] = []
        var properties = JSONObject(members: [])
        var required: [String] = []
        if case .object(let schema)? = route.querySchemaDocument.map(OpenAPISchema.from) {
            if case .object(let props)? = schema["properties"] { properties = props }
            if case .array(let names)? = schema["required"] {
                required = names.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
            }
        }
        let pathNames = route.template.parameterNames
        for name in pathNames {
            parameters.append(object(["name": .string(name), "in": .string("path"), "required": .bool(true),
                                      "schema": properties[name] ?? object(["type": .string("string")])]))
        }
        for (name, schema) in properties.members where !pathNames.contains(name) {
            parameters.append(object(["name": .string(name), "in": .string("query"),
                                      "required": .bool(required.contains(name)), "schema": schema]))
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = route.bodySchemaDocument.map(OpenAPISchema.from) {
            operation["requestBody"] = object(["required": .bool(true),
                                               "content": object(["application/json": object(["schema": body])])])
        }
        if operation["tags"] == nil { operation["tags"] = .array([.string(route.resource)]) }
        operation["x-calapi-plugin"] = object(["name": .string(route.pluginName), "version": .string(route.pluginVersion)])
        var responses = JSONObject(members: [])
        if case .object(let declared)? = operation["responses"] { responses = declared }
        if responses.members.isEmpty { responses["200"] = object(["description": .string("OK")]) }
        operation["responses"] = .object(HostErrorResponses.merged(responses, for: route))
        return operation
    }

    /// The operation with an `example` on its request body and on each answer that has none,
    /// composed from its schema's parts (`ComposedExample`) where they have examples.
    private static func exemplified(_ operation: JSONObject, components: JSONObject) -> JSONObject {
        var result = operation
        if case .object(let body)? = result["requestBody"] { result["requestBody"] = .object(exemplifiedMedia(body, components)) }
        if case .object(var responses)? = result["responses"] {
            for index in responses.members.indices {
                if case .object(let answer) = responses.members[index].value {
                    responses.members[index].value = .object(exemplifiedMedia(answer, components))
                }
            }
            result["responses"] = .object(responses)
        }
        return result
    }

    private static func exemplifiedMedia(_ holder: JSONObject, _ components: JSONObject) -> JSONObject {
        guard case .object(var content)? = holder["content"], case .object(var media)? = content["application/json"],
              media["example"] == nil, let schema = media["schema"],
              let example = ComposedExample.of(schema, components: components) else { return holder }
        media["example"] = example
        content["application/json"] = .object(media)
        var result = holder
        result["content"] = .object(content)
        return result
    }

    private static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members: members.map { (key: $0.key, value: $0.value) }))
    }
}
