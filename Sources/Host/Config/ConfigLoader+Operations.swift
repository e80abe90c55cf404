extension ConfigLoader {
    /// `log:`, `metrics:` and `rate_limit:` (docs/operations.md).
    static func applyOperations(_ top: ConfigSection, to config: inout Config) throws {
        if let log = try top.section("log", allowed: ["format", "level", "access", "output"]) {
            try log.read("format") { config.log.format = try ConfigValue.choice($0, LogSettings.Format.self) }
            try log.read("level") { config.log.level = try ConfigValue.logLevel($0) }
            try log.read("access") { config.log.access = try ConfigValue.boolean($0) }
            try log.read("output") { config.log.output = try ConfigValue.choice($0, LogSettings.Output.self) }
        }
        if let metrics = try top.section("metrics", allowed: ["token"]) {
            try metrics.read("token") { config.metricsToken = $0.isEmpty ? nil : try ConfigValue.token($0) }
        }
        if let limit = try top.section("rate_limit", allowed: ["enabled", "limit", "window_seconds", "shared"]) {
            try limit.read("enabled") { config.rateLimit.enabled = try ConfigValue.boolean($0) }
            try limit.read("limit") { config.rateLimit.limit = try ConfigValue.integer($0, in: 1...1_000_000) }
            try limit.read("window_seconds") { config.rateLimit.windowSeconds = try ConfigValue.integer($0, in: 1...86_400) }
            try limit.read("shared") { config.rateLimit.shared = try ConfigValue.boolean($0) }
        }
    }
}
