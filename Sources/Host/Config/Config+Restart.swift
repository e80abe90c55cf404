extension Config {
    /// The settings a reload (SIGHUP) cannot change, as `key (old → new)` for each one that differs
    /// from `running`: where the process listens, its database and pool, its plugins and what they read
    /// once at start (their limits), its I/O threads and its API keys' prefix and cache. The database
    /// URL is named without its values, which may hold a password.
    func restartOnlyChanges(comparedTo running: Config) -> [String] {
        var changes: [String] = []
        func compare<Value: Equatable>(_ key: String, _ old: Value, _ new: Value, shown: Bool = true) {
            guard old != new else { return }
            changes.append(shown ? "\(key) (\(old) → \(new))" : key)
        }
        compare("listen.host", running.host, host)
        compare("listen.port", running.port, port)
        compare("listen.reuse_port", running.reusePort, reusePort)
        compare("database.url", running.databaseURL, databaseURL, shown: false)
        compare("database.data_dir", running.dataDirectory, dataDirectory)
        compare("database.pool_size", running.poolSize, poolSize)
        compare("plugins.directory", running.pluginDirectory ?? "", pluginDirectory ?? "")
        compare("plugins.load", running.pluginNames.joined(separator: ", "), pluginNames.joined(separator: ", "))
        compare("limits.io_threads", running.ioThreads, ioThreads)
        compare("limits.max_page_size", running.pluginLimits.maxPageSize, pluginLimits.maxPageSize)
        compare("limits.max_availability_days", running.pluginLimits.maxAvailabilityDays, pluginLimits.maxAvailabilityDays)
        compare("limits.max_team_availability_members", running.pluginLimits.maxTeamAvailabilityMembers,
                pluginLimits.maxTeamAvailabilityMembers)
        compare("auth.api_key_prefix", running.apiKeyPrefix, apiKeyPrefix)
        compare("auth.cache_seconds", running.keyCacheSeconds, keyCacheSeconds)
        return changes
    }
}
