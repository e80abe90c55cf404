/// A named schema a plugin adds under `components/schemas` of the OpenAPI document.
struct ComponentSchema {
    let name: String
    let schema: JSONValue
}
