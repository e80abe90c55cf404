import Foundation
import Glibc

/// `calapi serve`: load plugins and config, reach (or start) the database, migrate, then serve until
/// SIGTERM or SIGINT, and stop gracefully (`HTTPServer.stop`). SIGHUP reloads config.yaml
/// (`ConfigReloader`).
enum ServeCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config", "port", "check-config"])
        let port = try options.value("port").map { text in
            guard let value = UInt16(text) else { throw CLI.UsageError(message: "--port needs a number from 0 to 65535") }
            return value
        }
        let load = { () throws -> Config in
            var config = try CLI.loadConfig(options)
            if let port { config.port = port }
            return config
        }
        let config = try load()
        Log.configure(config.log)
        let api = try ServedAPI.assemble(config: config)
        for refusal in api.refusals { Log.error("\(refusal)") }
        if options.flag("check-config") {
            print("config OK: \(api.plugins.count) plugin(s), \(api.routes.count) route(s)")
            return api.refusals.isEmpty ? 0 : 1
        }

        // Signals are taken synchronously by this thread; every thread started later inherits the mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        signal(SIGPIPE, SIG_IGN)

        let database = try DatabaseTarget(config: config)
        defer { database.release() }
        try prepareDatabase(database, config: config)
        let lookup = try checkServingRole(database, config: config)

        let serverURL = "http://\(config.host):\(config.port)/v1"
        let settings = SettingsStore(ServingSettings(config: config, api: api, serverURL: serverURL))
        let metrics = MetricsRegistry(version: CalapiVersion.number)
        let recorder = RequestRecorder(metrics: metrics)
        let processor = RequestProcessor(
            authenticator: APIKeyAuthenticator(prefix: config.apiKeyPrefix, statementID: api.keyLookups[lookup]!, sql: lookup.sql),
            statements: api.catalog, keyCache: AuthCache(seconds: config.keyCacheSeconds),
            rateLimiter: RateLimiter(sharedStatementID: api.rateLimitStatement), metrics: metrics)
        let workers = WorkerPool(count: config.poolSize, databaseURL: database.serveURL, processor: processor, recorder: recorder,
                                 statementTimeout: config.statementTimeoutSeconds)
        let readiness = Readiness(failedPlugins: api.refusals.map { String($0.file.split(separator: "/").last ?? "") })
        let probe = DatabaseProbe(url: database.serveURL, readiness: readiness)
        let application = Application(settings: settings, workers: workers, recorder: recorder,
                                      endpoints: OperationsEndpoints(readiness: readiness, metrics: metrics))
        let server = HTTPServer(config: HTTPServerConfig(host: config.host, port: config.port, ioThreads: config.ioThreads,
                                                         reusePort: config.reusePort, limits: settings.current.http),
                                handler: application)
        metrics.setGauges {
            $0.openConnections = { server.openConnections }
            $0.pool = { workers.connectionStates }
            $0.pluginsLoaded = api.plugins.count
            $0.pluginLoadErrors = api.refusals.count
        }
        try workers.start()
        probe.start()
        do { try server.start() } catch {
            // The workers may be opening their connections: end them before the process exits.
            workers.stop()
            probe.stop()
            throw error
        }
        announce(config, settings: settings.current, port: server.boundPort)

        let reloader = ConfigReloader(load: load, running: config, api: api, serverURL: serverURL, store: settings, server: server)
        var received: Int32 = 0
        while sigwait(&signals, &received) == 0 && received == SIGHUP {
            Log.info("SIGHUP: reloading the config")
            reloader.reload()
        }
        ServerLifecycle.beginDrain()
        let drain = settings.current.drainTimeoutSeconds
        Log.info("stopping (signal \(received)): answering requests in flight, for at most \(ConfigValue.plain(drain)) s")
        server.stop(deadlineSeconds: drain)
        workers.stop()
        probe.stop()
        Log.info("stopped")
        return 0
    }

    /// Says where calapi listens, what it serves and where the docs are (on standard output), and how to
    /// reload or stop it (in the log).
    private static func announce(_ config: Config, settings: ServingSettings, port: UInt16) {
        let base = "http://\(config.host.contains(":") ? "[\(config.host)]" : config.host):\(port)"
        Log.info("serving on \(base) (pid \(getpid()); SIGHUP reloads \(config.sourcePath ?? "the config"), SIGTERM stops gracefully)")
        print("""
            calapi listening on \(base)
              resources: \(settings.resources.isEmpty ? "none" : settings.resources.joined(separator: ", "))
              docs:      \(base)/docs/ui (the OpenAPI document: \(base)/docs)
            """)
        fflush(stdout)
    }

    /// Reads what the pool's role may do: warns when PostgreSQL would not keep plugins away from
    /// secrets, and picks how API keys are looked up.
    private static func checkServingRole(_ database: DatabaseTarget, config: Config) throws -> APIKeyAuthenticator.Lookup {
        let connection = PGConnection(url: database.serveURL)
        try connection.connect()
        defer { connection.close() }
        if config.rateLimit.enabled && config.rateLimit.shared { try SharedRateLimitTable.check(connection) }
        let privileges = try DatabasePrivileges.inspect(connection)
        if let warning = privileges.warning { Log.warning(warning) }
        let lookup = try privileges.keyLookup()
        Log.info("database: serving as role \"\(privileges.role)\", API keys looked up \(lookup == .function ? "through \(DatabaseRole.lookupFunction)" : "directly")")
        return lookup
    }

    /// Migrates, and in the private-database mode sets up the restricted role and creates the demo
    /// admin on the first start.
    private static func prepareDatabase(_ database: DatabaseTarget, config: Config) throws {
        let connection = try database.connect()
        defer { connection.close() }
        let report = try Migrator.migrate(using: connection.sqlRunner)
        Log.info("database: \(report.mode)")
        for warning in report.warnings { Log.warning(warning) }
        try database.prepareForServing(connection)
        guard database.isEmbedded else { return }
        let base = "http://\(config.host):\(config.port)"
        if let demo = try DemoAccount.ensure(connection: connection, prefix: config.apiKeyPrefix) {
            print("""
                Created a demo admin (user id \(demo.userId)) with this API key. It is stored hashed and will not be shown again:

                    \(demo.key)

                Try it:
                    curl '\(base)/v1/me?apiKey=\(demo.key)'

                """)
        } else {
            print("""
                Using the private database in \(config.dataDirectory). API keys are stored hashed, so earlier keys cannot be shown again.
                Mint another one with:  calapi keys create --user-id 1

                """)
        }
        fflush(stdout)
    }
}
