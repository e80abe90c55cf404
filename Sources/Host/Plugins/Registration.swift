import CalapiPluginAPI

/// What one plugin registers during its init call. The C registrar's callbacks record into it;
/// the first problem refuses the whole plugin (a half-registered plugin is never mounted).
final class Registration {
    let pluginName: String
    let pluginVersion: String
    let file: String
    private let catalog: StatementCatalog
    private let statementBase: Int
    /// Who already holds each component name (the document has one schema per name).
    private let componentOwners: [String: String]

    private(set) var ceilings: [String: MethodSet] = [:]
    private(set) var statements: [(name: String, sql: String, writes: Bool)] = []
    private(set) var routes: [Route] = []
    private(set) var componentSchemas: [ComponentSchema] = []
    /// The first thing that was wrong with what the plugin registered.
    private(set) var problem: String?
    /// The message the plugin gave with `set_error`.
    var initError: String?

    init(pluginName: String, pluginVersion: String, file: String, catalog: StatementCatalog, componentOwners: [String: String]) {
        self.pluginName = pluginName
        self.componentOwners = componentOwners
        self.pluginVersion = pluginVersion
        self.file = file
        self.catalog = catalog
        self.statementBase = catalog.all.count
    }

    func refuse(_ message: String) -> Int32 {
        if problem == nil { problem = message }
        return CALAPI_FAIL
    }

    func declare(resource: String, ceiling: UInt32) -> Int32 {
        guard Registration.isResourceName(resource) else { return refuse("invalid resource name \"\(resource)\"") }
        let methods = MethodSet(rawValue: ceiling)
        guard !methods.isEmpty, methods.rawValue & ~MethodSet.all.rawValue == 0 else {
            return refuse("resource \"\(resource)\" declares an invalid method ceiling \(ceiling)")
        }
        guard ceilings[resource] == nil else { return refuse("resource \"\(resource)\" is declared twice") }
        ceilings[resource] = methods
        return CALAPI_OK
    }

    func addStatement(name: String, sql: String, writes: Bool) -> Int? {
        if let reason = StatementPolicy.violation(in: sql, declaredWrites: writes) {
            _ = refuse("statement \"\(name)\" refused: \(reason)")
            return nil
        }
        guard !statements.contains(where: { $0.name == name }) else {
            _ = refuse("statement \"\(name)\" is registered twice")
            return nil
        }
        statements.append((name, sql, writes))
        return statementBase + statements.count - 1
    }

    func addRoute(_ route: calapi_route_v1) -> Int32 {
        let resource = route.resource.string
        guard let ceiling = ceilings[resource] else {
            return refuse("route \(route.path.string) names resource \"\(resource)\", which the plugin did not declare")
        }
        guard let method = MethodSet.ordered.first(where: { $0.set.rawValue == route.method })?.set else {
            return refuse("route \(route.path.string) has an invalid method \(route.method)")
        }
        guard ceiling.contains(method) else {
            return refuse("route \(method.names[0]) \(route.path.string) exceeds the ceiling of resource \"\(resource)\"")
        }
        guard let template = PathTemplate(route.path.string) else {
            return refuse("route path \"\(route.path.string)\" is not a valid template")
        }
        do {
            let body = try compile(route.body_schema, what: "body schema of \(method.names[0]) \(template)")
            let query = try compile(route.query_schema, what: "query schema of \(method.names[0]) \(template)")
            let operation = try parseObject(route.openapi, what: "OpenAPI operation of \(method.names[0]) \(template)")
            routes.append(Route(pluginName: pluginName, pluginVersion: pluginVersion, resource: resource, method: method, template: template,
                                handler: route.handler, authorize: route.authorize, userData: route.user_data,
                                bodySchema: body, querySchema: query, operation: operation))
            return CALAPI_OK
        } catch let message as RegistrationProblem {
            return refuse(message.text)
        } catch {
            return refuse("\(error)")
        }
    }

    func addComponent(name: String, schema: calapi_str) -> Int32 {
        if let owner = componentOwners[name] {
            return refuse("component schema \"\(name)\" is already registered by \(owner)")
        }
        guard !componentSchemas.contains(where: { $0.name == name }) else {
            return refuse("component schema \"\(name)\" is registered twice")
        }
        do {
            guard let (_, document) = try compile(schema, what: "component schema \"\(name)\"") else {
                return refuse("component schema \"\(name)\" is empty")
            }
            componentSchemas.append(ComponentSchema(name: name, schema: document))
            return CALAPI_OK
        } catch let message as RegistrationProblem {
            return refuse(message.text)
        } catch {
            return refuse("\(error)")
        }
    }

    /// Checks what only makes sense once init has returned: a plugin whose resources are all
    /// read-only may not hold a writing statement.
    func finish() {
        guard problem == nil, !ceilings.isEmpty, ceilings.values.allSatisfy({ $0 == .get }) else { return }
        if let write = statements.first(where: { $0.writes }) {
            _ = refuse("statement \"\(write.name)\" writes, but every resource of the plugin is read-only")
        }
    }

    /// Hands the statements to the shared catalog, in the order their ids were promised.
    func commitStatements() {
        for statement in statements {
            _ = catalog.add(owner: pluginName, name: statement.name, sql: statement.sql, writes: statement.writes)
        }
    }

    private struct RegistrationProblem: Error { let text: String }

    private func compile(_ text: calapi_str, what: String) throws -> (JSONSchema, JSONValue)? {
        guard text.len > 0 else { return nil }
        let document: JSONValue
        do { document = try JSONParser.parse(Array(text.bytes)) } catch let error as JSONParseError {
            throw RegistrationProblem(text: "\(what) is not valid JSON: \(error.message)")
        }
        do { return (try JSONSchema.compile(document), document) } catch let error as SchemaError {
            throw RegistrationProblem(text: "\(what) is not supported at \(error.pointer.isEmpty ? "/" : error.pointer): \(error.message)")
        }
    }

    private func parseObject(_ text: calapi_str, what: String) throws -> JSONObject {
        guard text.len > 0 else { return JSONObject(members: []) }
        guard case .object(let object)? = try? JSONParser.parse(Array(text.bytes)) else {
            throw RegistrationProblem(text: "\(what) is not a JSON object")
        }
        return object
    }

    /// Lower-case letters, digits and dashes, starting with a letter (the URL's first segment).
    static func isResourceName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return name.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
}

extension MethodSet {
    static let all: MethodSet = [.get, .post, .patch, .delete, .put]
}
