import Foundation
@testable import Host

/// One private PostgreSQL cluster for the whole test run (Debian's server binaries, initdb in a
/// temporary folder, a free port), a template database migrated once, with the restricted role
/// (`DatabaseRole`) set up by its own SQL, and a fresh copy of it for every test that asks. Tests
/// seed as the owner (`create()`); calapi serves as the restricted role (`restrictedURL`), which
/// proves the role's grants are enough for every plugin statement. Nothing is mocked.
enum TestDatabase {
    private static let lock = NSLock()
    private static var cluster: EmbeddedPostgres?
    private static var counter = 0

    /// The running cluster (started on first use).
    static func sharedCluster() throws -> EmbeddedPostgres {
        lock.lock()
        defer { lock.unlock() }
        if let cluster { return cluster }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-tests-\(getpid())").path
        removeAbandonedClusters()
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let started = EmbeddedPostgres(dataDirectory: folder, port: 0, forTests: true)
        try started.start()
        atexit { TestDatabase.shutdown() }
        let admin = PGConnection(url: started.url)
        try admin.connect()
        _ = try admin.simpleQuery("CREATE DATABASE calapi_template")
        admin.close()
        let template = PGConnection(url: url(started, database: "calapi_template"))
        try template.connect()
        _ = try Migrator.migrate(using: template.sqlRunner)
        try DatabaseRole(schema: nil).install(on: template, password: try started.apiPassword())
        template.close()
        cluster = started
        return started
    }

    /// A new, migrated, empty database; returns its URL.
    static func create() throws -> String {
        let cluster = try sharedCluster()
        lock.lock()
        counter += 1
        let name = "calapi_test_\(counter)"
        lock.unlock()
        let admin = PGConnection(url: cluster.url)
        try admin.connect()
        defer { admin.close() }
        _ = try admin.simpleQuery("CREATE DATABASE \(name) TEMPLATE calapi_template")
        return url(cluster, database: name)
    }

    /// `ownerURL` (one of `create()`'s) for the restricted role instead of the owner.
    static func restrictedURL(_ ownerURL: String) throws -> String {
        var components = URLComponents(string: ownerURL)!
        components.user = DatabaseRole.defaultName
        components.password = try sharedCluster().apiPassword()
        return components.string!
    }

    static func url(_ cluster: EmbeddedPostgres, database: String) -> String {
        var components = URLComponents(string: cluster.url)!
        components.path = "/" + database
        return components.string!
    }

    /// Drops a database of `create()` (its server may still hold connections: they are ended).
    static func drop(_ url: String) {
        guard let cluster, let name = URLComponents(string: url)?.path.dropFirst(), name.hasPrefix("calapi_test_") else { return }
        let admin = PGConnection(url: cluster.url)
        guard (try? admin.connect()) != nil else { return }
        defer { admin.close() }
        _ = try? admin.simpleQuery("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Stops the cluster and deletes its folder, at the end of the test run.
    static func shutdown() {
        guard let cluster else { return }
        cluster.stop()
        try? FileManager.default.removeItem(atPath: cluster.dataDirectory)
    }

    /// Folders of earlier runs whose test process is gone (killed before its `atexit`): their server
    /// is stopped (only a postmaster whose command line names that folder) and the folder deleted,
    /// so that interrupted runs do not fill the disk.
    private static func removeAbandonedClusters() {
        let temporary = FileManager.default.temporaryDirectory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix("calapi-tests-") {
            guard let owner = Int32(name.dropFirst("calapi-tests-".count)), owner != getpid(),
                  kill(owner, 0) != 0, errno == ESRCH else { continue }
            let folder = temporary + "/" + name
            let pidFile = (try? String(contentsOfFile: folder + "/pgdata/postmaster.pid", encoding: .utf8)) ?? ""
            if let line = pidFile.split(separator: "\n").first, let postmaster = Int32(line),
               let command = try? String(contentsOfFile: "/proc/\(postmaster)/cmdline", encoding: .utf8), command.contains(folder) {
                kill(postmaster, SIGQUIT)
                for _ in 0..<50 where kill(postmaster, 0) == 0 { usleep(100_000) }
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
