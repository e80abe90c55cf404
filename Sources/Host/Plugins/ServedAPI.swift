import Glibc

/// The API this process serves: the plugins that loaded, the routes the config enables on them
/// (config ∩ each resource's ceiling), the route trie and the statement catalog. Plugins load once,
/// at start-up; a reload mounts other routes on them (`mounting`). Read-only once built.
struct ServedAPI {
    let plugins: [LoadedPlugin]
    /// Plugins that were refused; logged, and fatal only when the config needs one of their resources.
    let refusals: [PluginLoadError]
    let routes: [Route]
    let trie: RouteTrie
    let catalog: StatementCatalog
    /// The catalog's statement for each way of looking a key up; serve picks one at start
    /// (`DatabasePrivileges.keyLookup`), and a connection prepares only the one it runs.
    let keyLookups: [APIKeyAuthenticator.Lookup: Int]
    /// The catalog's statement of the shared rate-limit count (`RateLimiter.sharedSQL`).
    let rateLimitStatement: Int

    /// Why the API cannot be assembled from this config: a config error (exit 2) or a clash.
    struct AssemblyError: Error, CustomStringConvertible {
        let description: String
    }

    /// Loads the configured plugins and mounts the routes the config enables.
    static func assemble(config: Config) throws -> ServedAPI {
        PluginLimits.installed = config.pluginLimits
        let catalog = StatementCatalog()
        var keyLookups: [APIKeyAuthenticator.Lookup: Int] = [:]
        for lookup in [APIKeyAuthenticator.Lookup.function, .direct] {
            keyLookups[lookup] = catalog.add(owner: "calapi", name: "authenticate_\(lookup)", sql: lookup.sql, writes: false)
        }
        let rateLimitStatement = catalog.add(owner: "calapi", name: "rate_limit_hit", sql: RateLimiter.sharedSQL, writes: true)
        let loader = PluginLoader(directory: pluginDirectory(config), catalog: catalog)
        var plugins: [LoadedPlugin] = []
        var refusals: [PluginLoadError] = []
        for source in config.pluginSources {
            do { plugins.append(try loader.load(source, alreadyLoaded: plugins)) } catch let error as PluginLoadError {
                refusals.append(error)
            }
        }
        let loaded = ServedAPI(plugins: plugins, refusals: refusals, routes: [], trie: RouteTrie(), catalog: catalog,
                               keyLookups: keyLookups, rateLimitStatement: rateLimitStatement)
        return try loaded.mounting(config)
    }

    /// The same plugins with the routes `config` enables (config ∩ each resource's ceiling): at start,
    /// and again on a reload, which changes the resources and methods served but never the plugins.
    func mounting(_ config: Config) throws -> ServedAPI {
        var owners: [String: LoadedPlugin] = [:]
        for plugin in plugins {
            for resource in plugin.ceilings.keys {
                if let other = owners[resource] {
                    throw AssemblyError(description: "plugins \"\(other.name)\" (\(other.file)) and \"\(plugin.name)\" (\(plugin.file)) both declare resource \"\(resource)\"")
                }
                owners[resource] = plugin
            }
        }

        let file = config.sourcePath ?? "config"
        var enabled: [String: MethodSet] = [:]
        for (resource, entry) in config.resources.sorted(by: { $0.value.line < $1.value.line }) {
            guard let plugin = owners[resource] else {
                let why = refusals.isEmpty ? "" : " (refused plugins: \(refusals.map(\.file).joined(separator: ", ")))"
                throw ConfigError(file: file, line: entry.line, key: "resources.\(resource)",
                                  message: "no loaded plugin serves this resource\(why)")
            }
            let ceiling = plugin.ceilings[resource] ?? []
            var methods: MethodSet = []
            for name in entry.methods {
                guard let method = MethodSet(name: name) else {
                    throw ConfigError(file: file, line: entry.line, key: "resources.\(resource)", message: "unknown method \"\(name)\"")
                }
                guard ceiling.contains(method) else {
                    let allowed = ceiling == .get ? "declares it read-only" : "allows only \(ceiling.names.joined(separator: ", "))"
                    throw ConfigError(file: file, line: entry.line, key: "resources.\(resource)",
                                      message: "enables \(name) on \"\(resource)\", but plugin \"\(plugin.name)\" \(allowed)")
                }
                methods.insert(method)
            }
            enabled[resource] = methods
        }

        let trie = RouteTrie()
        var routes: [Route] = []
        for plugin in plugins {
            for route in plugin.routes where enabled[route.resource]?.contains(route.method) == true {
                if let clash = trie.insert(route) {
                    throw AssemblyError(description: "plugins \"\(clash.pluginName)\" and \"\(route.pluginName)\" both serve \(route.method.names[0]) \(route.template)")
                }
                routes.append(route)
            }
        }
        return ServedAPI(plugins: plugins, refusals: refusals, routes: routes, trie: trie, catalog: catalog,
                         keyLookups: keyLookups, rateLimitStatement: self.rateLimitStatement)
    }

    /// The configured plugin folder, or the folder of the running executable.
    static func pluginDirectory(_ config: Config) -> String {
        if let directory = config.pluginDirectory, !directory.isEmpty { return directory }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard length > 0 else { return "." }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    }

    /// The OpenAPI document for the mounted routes.
    func openAPIDocument(serverURL: String) -> JSONValue {
        OpenAPIBuilder.document(routes: routes, components: plugins.flatMap(\.componentSchemas), serverURL: serverURL)
    }
}
