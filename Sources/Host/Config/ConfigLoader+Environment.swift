extension ConfigLoader {
    /// Deployment settings from the environment, which win over the file. Each is checked like the
    /// file's value; an error names the variable. An empty variable counts as unset, except
    /// `API_KEY_PREFIX`, where empty means the default `cal_` (as in Cal.com). Relative folders
    /// resolve against the current directory.
    static func applyEnvironment(_ environment: [String: String], to config: inout Config) throws {
        func check(_ name: String, _ body: () throws -> Void) throws {
            do {
                try body()
            } catch let invalid as ConfigValue.Invalid {
                throw ConfigError(file: "environment", line: nil, key: name, message: invalid.message)
            }
        }
        func read(_ name: String, _ apply: (String) throws -> Void) throws {
            guard let text = environment[name], !text.isEmpty else { return }
            try check(name) { try apply(text) }
        }
        let here = ConfigPath.currentDirectory()
        try read("DATABASE_URL") { config.databaseURL = $0 }
        // CALAPI_PORT is calapi's own and wins over the generic PORT.
        for name in ["PORT", "CALAPI_PORT"] {
            try read(name) { config.port = UInt16(try ConfigValue.integer($0, in: 1...65535)) }
        }
        try read("CALAPI_HOST") { config.host = try ConfigValue.word($0, describing: "a host name or address") }
        try read("CALAPI_REUSE_PORT") { config.reusePort = try ConfigValue.boolean($0) }
        try read("CALAPI_POOL_SIZE") { config.poolSize = try ConfigValue.integer($0, in: 1...64) }
        try read("CALAPI_STATEMENT_TIMEOUT") { config.statementTimeoutSeconds = try ConfigValue.seconds($0, in: 0...3600) }
        try read("CALAPI_DATA_DIR") { config.dataDirectory = try ConfigValue.path($0, against: here) }
        try read("CALAPI_PLUGIN_DIR") { config.pluginDirectory = try ConfigValue.path($0, against: here) }
        try read("CALAPI_LOG_FORMAT") { config.log.format = try ConfigValue.choice($0, LogSettings.Format.self) }
        try read("CALAPI_LOG_LEVEL") { config.log.level = try ConfigValue.logLevel($0) }
        try read("CALAPI_METRICS_TOKEN") { config.metricsToken = try ConfigValue.token($0) }
        if let prefix = environment["API_KEY_PREFIX"] {
            try check("API_KEY_PREFIX") { config.apiKeyPrefix = try apiKeyPrefix(prefix) }
        }
    }
}
