import Foundation
import Glibc

/// `calapi serve`: load plugins and config, reach (or start) the database, migrate, then serve
/// until SIGTERM or SIGINT, and stop gracefully.
enum ServeCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config", "port", "check-config"])
        var config = try CLI.loadConfig(options)
        Log.configure(config.log)
        if let port = options.value("port") {
            guard let value = UInt16(port) else { throw CLI.UsageError(message: "--port needs a number from 0 to 65535") }
            config.port = value
        }
        let api = try ServedAPI.assemble(config: config)
        for refusal in api.refusals { Log.error("\(refusal)") }
        if options.flag("check-config") {
            print("config OK: \(api.plugins.count) plugin(s), \(api.routes.count) route(s)")
            return api.refusals.isEmpty ? 0 : 1
        }

        // Signals are taken synchronously by this thread; every thread started later inherits the mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        signal(SIGPIPE, SIG_IGN)

        let database = try DatabaseTarget(config: config)
        defer { database.release() }
        try prepareDatabase(database, config: config)
        let lookup = try checkServingRole(database, config: config)

        let metrics = MetricsRegistry(version: BuildInfo.version)
        let recorder = RequestRecorder(metrics: metrics)
        let processor = RequestProcessor(
            authenticator: APIKeyAuthenticator(prefix: config.apiKeyPrefix, statementID: api.keyLookups[lookup]!, sql: lookup.sql),
            statements: api.catalog, rateLimiter: RateLimiter(sharedStatementID: api.rateLimitStatement), metrics: metrics,
            maxQueryParameters: config.maxQueryParameters)
        let workers = WorkerPool(count: config.poolSize, databaseURL: database.serveURL, processor: processor, recorder: recorder,
                                 keyCacheSeconds: config.keyCacheSeconds, statementTimeout: config.statementTimeoutSeconds)
        let serverURL = "http://\(config.host):\(config.port)/v1"
        let document = api.openAPIDocument(serverURL: serverURL).serialized()
        let readiness = Readiness(failedPlugins: api.refusals.map { String($0.file.split(separator: "/").last ?? "") })
        let probe = DatabaseProbe(url: database.serveURL, readiness: readiness)
        let application = Application(routes: api.trie, workers: workers, openAPIDocument: document, recorder: recorder,
                                      endpoints: OperationsEndpoints(readiness: readiness, metrics: metrics),
                                      operations: OperationsSettings(config: config))
        let server = HTTPServer(config: HTTPServerConfig(
            host: config.host, port: config.port, ioThreads: config.ioThreads,
            maxHeaderBytes: config.maxHeaderBytes, maxBodyBytes: config.maxBodyBytes,
            headerTimeoutSeconds: config.headerTimeoutSeconds, idleTimeoutSeconds: config.idleTimeoutSeconds),
            handler: application)
        metrics.setGauges {
            $0.openConnections = { server.openConnections }
            $0.pool = { workers.connectionStates }
            $0.pluginsLoaded = api.plugins.count
            $0.pluginLoadErrors = api.refusals.count
        }
        workers.start()
        probe.start()
        try server.start()
        let resources = api.routes.map(\.resource).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        Log.info("serving on http://\(config.host):\(server.boundPort) (resources: \(resources.joined(separator: ", ")))")
        print("calapi listening on http://\(config.host):\(server.boundPort)")
        fflush(stdout)

        var received: Int32 = 0
        sigwait(&signals, &received)
        ServerLifecycle.beginDrain()
        Log.info("stopping (signal \(received)): finishing requests in flight")
        server.stop(deadlineSeconds: 10)
        workers.stop()
        probe.stop()
        return 0
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
