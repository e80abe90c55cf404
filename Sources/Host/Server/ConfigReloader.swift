/// What SIGHUP does: reads config.yaml again and, if it loads, puts the settings that can change
/// while serving in force for the requests that arrive from then on (resources and methods, request
/// limits, the statement timeout, the drain time, the log, rate limits and the metrics token); requests in flight and open keep-alive connections
/// carry on. A config that does not load is refused with its file:line:key error and the running one
/// stays. Settings that need a restart (`Config.restartOnlyChanges`) are named in the log and keep
/// their running values.
///
/// Threading: `reload()` runs on the thread that waits for signals, one at a time.
final class ConfigReloader {
    private let load: () throws -> Config
    private let running: Config
    private let api: ServedAPI
    private let serverURL: String
    private let store: SettingsStore
    private let server: HTTPServer

    /// - Parameters:
    ///   - load: reads the config as `calapi serve` did at start (same file, environment and options).
    ///   - running: the config the process started with.
    ///   - api: the plugins loaded at start, on which the new routes are mounted.
    ///   - serverURL: the URL `/docs` names.
    init(load: @escaping () throws -> Config, running: Config, api: ServedAPI, serverURL: String, store: SettingsStore,
         server: HTTPServer) {
        self.load = load
        self.running = running
        self.api = api
        self.serverURL = serverURL
        self.store = store
        self.server = server
    }

    /// Reloads; answers whether the new config is in force.
    @discardableResult
    func reload() -> Bool {
        let settings: ServingSettings
        let config: Config
        do {
            config = try load()
            settings = ServingSettings(config: config, api: try api.mounting(config), serverURL: serverURL)
        } catch {
            Log.error("reload refused, the running config stays in force: \(error)")
            return false
        }
        for change in config.restartOnlyChanges(comparedTo: running) {
            Log.warning("reload: \(change) takes effect only after a restart; the running value stays")
        }
        store.replace(with: settings)
        Log.configure(config.log)
        server.apply(settings.http)
        Log.info("reloaded \(config.sourcePath ?? "the defaults"): serving \(settings.resources.joined(separator: ", "))")
        return true
    }
}
