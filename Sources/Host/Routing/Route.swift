import CalapiPluginAPI

/// One mounted operation: a plugin's handler for one method on one path template, with the
/// compiled schemas the host checks before calling it. Immutable after start-up.
final class Route {
    let pluginName: String
    /// The plugin's own version (its magic block), shown with each operation at `/docs`.
    let pluginVersion: String
    let resource: String
    let method: MethodSet
    let template: PathTemplate
    let handler: calapi_handler
    /// Permission check run before validation, when the plugin gave one.
    let authorize: calapi_handler?
    let userData: UnsafeMutableRawPointer?
    /// Compiled body schema; nil when the route takes no body.
    let bodySchema: JSONSchema?
    /// The body schema as registered, for the OpenAPI document.
    let bodySchemaDocument: JSONValue?
    let querySchema: JSONSchema?
    let querySchemaDocument: JSONValue?
    /// The query schema's property for each path parameter of the template (nil: none), the one
    /// rule by which that parameter is read.
    let pathParameterSchemas: [JSONSchema?]
    /// The plugin's OpenAPI operation object.
    let operation: JSONObject

    init(pluginName: String, pluginVersion: String, resource: String, method: MethodSet, template: PathTemplate,
         handler: calapi_handler, authorize: calapi_handler?, userData: UnsafeMutableRawPointer?,
         bodySchema: (JSONSchema, JSONValue)?, querySchema: (JSONSchema, JSONValue)?, operation: JSONObject) {
        self.pluginName = pluginName
        self.pluginVersion = pluginVersion
        self.resource = resource
        self.method = method
        self.template = template
        self.handler = handler
        self.authorize = authorize
        self.userData = userData
        self.bodySchema = bodySchema?.0
        self.bodySchemaDocument = bodySchema?.1
        self.querySchema = querySchema?.0
        self.querySchemaDocument = querySchema?.1
        pathParameterSchemas = template.parameterNames.map { querySchema?.0.propertySchema($0) }
        self.operation = operation
    }
}
