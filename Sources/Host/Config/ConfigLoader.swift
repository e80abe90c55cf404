import Glibc

/// Reads config.yaml (with libyaml) and the environment into a `Config`, refusing anything it
/// does not understand: unknown keys, wrong types, values out of range, duplicates.
///
/// ```swift
/// let config = try ConfigLoader.load(path: "config.yaml", environment: ProcessInfo.processInfo.environment)
/// ```
enum ConfigLoader {
    /// Reads the file at `path` (nil: no file, only defaults) and then the environment. Relative
    /// paths in the file resolve against its folder; without a file, against the current directory.
    static func load(path: String?, environment: [String: String]) throws -> Config {
        guard let path else {
            var config = Config(baseDirectory: ConfigPath.currentDirectory())
            try applyEnvironment(environment, to: &config)
            return config
        }
        let bytes = try readFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(file: path, line: nil, key: "", message: "the file is not UTF-8 text")
        }
        return try parse(yaml: text, file: path, baseDirectory: ConfigPath.directory(of: path), environment: environment)
    }

    /// Reads `yaml` (named `file` in messages) and then the environment.
    static func parse(yaml: String, file: String, baseDirectory: String, environment: [String: String]) throws -> Config {
        var config = Config(baseDirectory: baseDirectory)
        config.sourcePath = file
        if let root = try YAMLNode.parse(yaml, file: file) {
            let top = try ConfigSection(root, path: "", file: file,
                                        allowed: ["listen", "database", "plugins", "resources", "limits", "auth", "log",
                                                  "metrics", "rate_limit"])
            try apply(top, to: &config, baseDirectory: baseDirectory)
        }
        try applyEnvironment(environment, to: &config)
        return config
    }

    private static func apply(_ top: ConfigSection, to config: inout Config, baseDirectory: String) throws {
        if let listen = try top.section("listen", allowed: ["host", "port", "reuse_port"]) {
            try listen.read("host") { config.host = try ConfigValue.word($0, describing: "a host name or address") }
            try listen.read("port") { config.port = UInt16(try ConfigValue.integer($0, in: 1...65535)) }
            try listen.read("reuse_port") { config.reusePort = try ConfigValue.boolean($0) }
        }
        if let database = try top.section("database", allowed: ["url", "data_dir", "pool_size", "statement_timeout"]) {
            try database.read("url") { config.databaseURL = $0.isEmpty ? nil : $0 }
            try database.read("data_dir") { config.dataDirectory = try ConfigValue.path($0, against: baseDirectory) }
            try database.read("pool_size") { config.poolSize = try ConfigValue.integer($0, in: 1...64) }
            try database.read("statement_timeout") { config.statementTimeoutSeconds = try ConfigValue.seconds($0, in: 0...3600) }
        }
        if let plugins = try top.section("plugins", allowed: ["directory", "load", "files"]) {
            try plugins.read("directory") { config.pluginDirectory = $0.isEmpty ? nil : try ConfigValue.path($0, against: baseDirectory) }
            if plugins.entries.contains(where: { $0.name == "load" }) {
                config.pluginNames = []
            }
            try plugins.readList("load") { text in
                let name = try ConfigValue.pluginName(text)
                guard !config.pluginNames.contains(name) else { throw ConfigValue.Invalid(message: "plugin \"\(name)\" listed twice") }
                config.pluginNames.append(name)
            }
            try plugins.readList("files") { text in
                let path = try ConfigValue.pluginFile(text, against: baseDirectory)
                guard !config.pluginFiles.contains(path) else { throw ConfigValue.Invalid(message: "plugin file \"\(text)\" listed twice") }
                config.pluginFiles.append(path)
            }
        }
        if let resources = try top.section("resources", allowed: nil) {
            config.resources = try readResources(resources)
        }
        if let limits = try top.section("limits", allowed: ["max_body_bytes", "max_header_bytes", "header_timeout_seconds",
                                                            "idle_timeout_seconds", "io_threads", "max_connections",
                                                            "drain_timeout_seconds", "drain_idle_seconds", "max_page_size", "max_availability_days",
                                                            "max_team_availability_members", "max_query_params"]) {
            try limits.read("max_body_bytes") { config.maxBodyBytes = try ConfigValue.integer($0, in: 1...1 << 30) }
            try limits.read("max_header_bytes") { config.maxHeaderBytes = try ConfigValue.integer($0, in: 1024...1 << 20) }
            try limits.read("header_timeout_seconds") { config.headerTimeoutSeconds = try ConfigValue.seconds($0, in: 0.1...3600) }
            try limits.read("idle_timeout_seconds") { config.idleTimeoutSeconds = try ConfigValue.seconds($0, in: 0.1...3600) }
            try limits.read("io_threads") { config.ioThreads = try ConfigValue.integer($0, in: 1...64) }
            try limits.read("max_connections") { config.maxConnections = try ConfigValue.integer($0, in: 1...1_000_000) }
            try limits.read("drain_timeout_seconds") { config.drainTimeoutSeconds = try ConfigValue.seconds($0, in: 0...3600) }
            try limits.read("drain_idle_seconds") { config.drainIdleSeconds = try ConfigValue.seconds($0, in: 0...3600) }
            try limits.read("max_page_size") { config.pluginLimits.maxPageSize = try ConfigValue.integer($0, in: 1...1_000_000) }
            try limits.read("max_availability_days") {
                config.pluginLimits.maxAvailabilityDays = try ConfigValue.integer($0, in: 1...36_600)
            }
            try limits.read("max_team_availability_members") {
                config.pluginLimits.maxTeamAvailabilityMembers = try ConfigValue.integer($0, in: 1...100_000)
            }
            try limits.read("max_query_params") { config.maxQueryParameters = try ConfigValue.integer($0, in: 1...100_000) }
        }
        if let auth = try top.section("auth", allowed: ["api_key_prefix", "cache_seconds"]) {
            try auth.read("api_key_prefix") { config.apiKeyPrefix = try apiKeyPrefix($0) }
            try auth.read("cache_seconds") { config.keyCacheSeconds = try ConfigValue.seconds($0, in: 0...300) }
        }
        try applyOperations(top, to: &config)
    }

    /// `resources:` — each name as in the URL, each with a non-empty list of distinct methods.
    private static func readResources(_ section: ConfigSection) throws -> [String: ResourceConfig] {
        var resources: [String: ResourceConfig] = [:]
        for entry in section.entries {
            do {
                _ = try ConfigValue.resourceName(entry.name)
            } catch let invalid as ConfigValue.Invalid {
                throw section.error(at: entry.line, entry.name, invalid.message)
            }
            var methods: [String] = []
            try section.readList(entry.name) { text in
                let method = try ConfigValue.method(text)
                guard !methods.contains(method) else { throw ConfigValue.Invalid(message: "method \"\(method)\" listed twice") }
                methods.append(method)
            }
            guard !methods.isEmpty else {
                throw section.error(at: entry.line, entry.name, "no methods listed (leave the resource out to stop serving it)")
            }
            resources[entry.name] = ResourceConfig(methods: methods, line: entry.line)
        }
        return resources
    }

    /// Cal.com's verifier strips `API_KEY_PREFIX || "cal_"`, so an empty prefix means the default.
    static func apiKeyPrefix(_ text: String) throws -> String {
        text.isEmpty ? "cal_" : try ConfigValue.word(text, describing: "an API key prefix")
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func unreadable(_ path: String) -> ConfigError {
        ConfigError(file: path, line: nil, key: "", message: "cannot read the file: " + String(cString: strerror(errno)))
    }
}
