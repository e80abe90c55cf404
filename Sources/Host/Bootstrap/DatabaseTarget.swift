import Foundation

/// Where the database is: the configured URL, or calapi's private PostgreSQL under the data folder,
/// started on demand. Stops the private server at the end only if this process started it.
final class DatabaseTarget {
    /// For start-up work (migrations, the demo account, `keys create`): the configured URL, or the
    /// private database's superuser.
    let url: String
    /// What the API server's pool connects as: the configured URL itself, or, on the private
    /// database, the restricted role (`DatabaseRole`), whose grants `prepareForServing` renews.
    let serveURL: String
    /// The private cluster, when no URL was configured.
    let embedded: EmbeddedPostgres?
    private let startedHere: Bool

    init(config: Config) throws {
        if let url = config.databaseURL, !url.isEmpty {
            self.url = url
            serveURL = url
            embedded = nil
            startedHere = false
            return
        }
        let cluster = EmbeddedPostgres(dataDirectory: config.dataDirectory, port: 0)
        let pidFile = cluster.clusterDirectory + "/postmaster.pid"
        let wasRunning = FileManager.default.fileExists(atPath: pidFile)
        try cluster.start()
        embedded = cluster
        url = cluster.url
        serveURL = try cluster.apiURL()
        startedHere = !wasRunning
    }

    /// True when calapi runs its own private PostgreSQL (the demo mode).
    var isEmbedded: Bool { embedded != nil }

    /// Stops the private server if this process started it.
    func release() {
        if startedHere { embedded?.stop() }
    }

    /// On the private database, creates the restricted role or renews its grants and password
    /// (after migrations, which may add tables); `connection` is the privileged one.
    func prepareForServing(_ connection: PGConnection) throws {
        guard let embedded else { return }
        try DatabaseRole(schema: nil).install(on: connection, password: try embedded.apiPassword())
    }

    /// A fresh connection for start-up work (migrations, demo data, keys).
    func connect() throws -> PGConnection {
        let connection = PGConnection(url: url)
        try connection.connect()
        return connection
    }
}
