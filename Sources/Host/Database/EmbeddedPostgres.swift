import Foundation

/// A private PostgreSQL cluster that calapi runs itself: for `calapi serve` without `DATABASE_URL`
/// (under `.calapi/` by default) and for the test harness (a temporary folder, a free port).
///
/// Layout under `dataDirectory`: the cluster in `pgdata/`, the server log in `postgres.log`, the Unix
/// socket in `run/`, the chosen port in `port`, the superuser's password in `password` and the
/// restricted role's in `api-password` (both mode 0600). The server listens on 127.0.0.1 only and asks
/// for a password (SCRAM); the superuser and the database are both named `calapi`. The superuser
/// migrates and mints keys; the API server connects as the restricted role (`DatabaseRole`).
///
/// PostgreSQL refuses to run as root: when calapi runs as root, the server's programs run as Debian's
/// `postgres` account, which then owns the server's files. When that account cannot reach the data
/// folder (a checkout under a 0700 `/root`), the cluster, its log and its socket live in a folder of
/// calapi's own under `relocationBase` instead (see `serverDirectory`); the port and password files
/// stay in the data folder. calapi changes the permissions of no folder it did not create. Child
/// processes are started at start-up and shutdown only.
final class EmbeddedPostgres {
    /// A start-up failure, as a one-line message that points at the log file where useful.
    struct Failure: Error, CustomStringConvertible {
        /// The operator-facing message.
        let message: String
        var description: String { message }
    }

    /// The role and the database calapi connects to.
    static let roleAndDatabase = "calapi"

    /// Absolute path of the folder that holds everything of this cluster (or, relocated, its port and password).
    let dataDirectory: String
    /// Where the cluster, log and socket live: `dataDirectory`, or a folder under `relocationBase`.
    let serverDirectory: String
    /// Where clusters go when the server's account cannot reach `dataDirectory`.
    let relocationBase: String
    /// Trades crash safety of the machine for speed (`fsync` and `full_page_writes` off): tests only.
    let forTests: Bool
    /// The port asked for at init; 0 = a free one, remembered in `<dataDirectory>/port`.
    let requestedPort: UInt16
    /// The port the server listens on: known after `start()`.
    private(set) var port: UInt16
    /// The superuser's password: known after `start()`.
    private var password = ""
    /// The programs found by the first `start()`, reused by `stop()` and `kill()`.
    private var programs: Programs?

    /// - Parameters:
    ///   - dataDirectory: the folder for the cluster, its log and its socket (created if missing).
    ///   - port: the TCP port on 127.0.0.1; 0 picks a free one and remembers it for the next start.
    ///   - forTests: turns durability off for speed; never for data that matters.
    ///   - relocationBase: where the cluster goes when running as root and the `postgres` account
    ///     cannot reach `dataDirectory` (created with mode 0711 if missing).
    init(dataDirectory: String, port: UInt16 = 0, forTests: Bool = false, relocationBase: String = "/var/lib/calapi") {
        let dataDirectory = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        self.dataDirectory = dataDirectory
        self.relocationBase = relocationBase
        let account = Programs.Account.forServer()
        serverDirectory = Self.serverDirectory(dataDirectory: dataDirectory, account: account, relocationBase: relocationBase) {
            account?.canTraverse($0) ?? true
        }
        self.requestedPort = port
        self.port = port
        self.forTests = forTests
    }

    /// The cluster's folder (PostgreSQL's data directory).
    var clusterDirectory: String { serverDirectory + "/pgdata" }
    /// The server's log; start-up errors point here.
    var logFile: String { serverDirectory + "/postgres.log" }
    /// The folder of the server's Unix socket.
    var socketDirectory: String { serverDirectory + "/run" }
    /// Whether the cluster lives outside the data folder.
    var isRelocated: Bool { serverDirectory != dataDirectory }

    /// A libpq connection URI for the `calapi` database, valid after `start()`.
    var url: String { url(database: Self.roleAndDatabase) }

    /// A libpq connection URI for one database of the cluster, valid after `start()`.
    func url(database: String) -> String {
        "postgresql://\(Self.roleAndDatabase):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// The URI of the `calapi` database for the restricted role, valid after `start()`.
    func apiURL() throws -> String {
        "postgresql://\(DatabaseRole.defaultName):\(try apiPassword())@127.0.0.1:\(port)/\(Self.roleAndDatabase)"
    }

    /// Creates the cluster if needed, starts it unless it is already running (then reuses it), and
    /// creates the `calapi` database if it is missing.
    func start() throws {
        let programs = try self.programs ?? Programs.locate()
        self.programs = programs
        if isRelocated { reportRelocation(for: programs) }
        try prepareFolders(for: programs)
        if let runningPort = try runningPort(using: programs) {
            password = try readPassword()
            port = runningPort
        } else {
            if !isInitialised {
                try initialise(using: programs)
            }
            password = try readPassword()
            port = try choosePort()
            try writeSettings(for: programs)
            try launch(using: programs)
        }
        try createDatabaseIfMissing()
    }

    /// Stops the server, letting it finish cleanly (`pg_ctl stop -m fast`). Safe to call when stopped.
    func stop() {
        shutdown(mode: "fast")
    }

    /// Stops the server at once (`pg_ctl stop -m immediate`) and keeps the data; the next `start()`
    /// recovers. Lets tests simulate "database down".
    func kill() {
        shutdown(mode: "immediate")
    }

    private func shutdown(mode: String) {
        guard isInitialised, let programs = try? programs ?? Programs.locate() else { return }
        _ = try? programs.run("pg_ctl", ["stop", "-D", clusterDirectory, "-m", mode, "-w", "-s"])
    }

    /// Whether `initdb` has completed in `clusterDirectory`.
    var isInitialised: Bool {
        FileManager.default.fileExists(atPath: clusterDirectory + "/PG_VERSION")
    }

    /// The port of the server running on this cluster, nil when none is.
    private func runningPort(using programs: Programs) throws -> UInt16? {
        guard isInitialised, try programs.run("pg_ctl", ["status", "-D", clusterDirectory]).status == 0 else {
            return nil
        }
        // postmaster.pid: pid, data directory, start time, port, …
        let lines = (try? String(contentsOfFile: clusterDirectory + "/postmaster.pid", encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false) ?? []
        guard lines.count > 3, let port = UInt16(lines[3].trimmingCharacters(in: .whitespaces)) else {
            throw Failure(message: "PostgreSQL is running on \(clusterDirectory) but its postmaster.pid names no port")
        }
        return port
    }

    /// `pg_ctl start -w`, turning a failure into one line taken from the log.
    private func launch(using programs: Programs) throws {
        let result = try programs.run("pg_ctl", ["start", "-w", "-t", "120", "-s", "-D", clusterDirectory, "-l", logFile])
        guard result.status == 0 else {
            let reason = lastLogError() ?? firstLine(of: result.output) ?? "pg_ctl exited with status \(result.status)"
            throw Failure(message: "PostgreSQL did not start (\(reason)); see \(logFile)")
        }
    }

    /// The last FATAL/PANIC/ERROR line of the log, if any.
    private func lastLogError() -> String? {
        guard let log = try? String(contentsOfFile: logFile, encoding: .utf8) else { return nil }
        return log.split(separator: "\n").last { line in
            line.contains("FATAL:") || line.contains("PANIC:") || line.contains("ERROR:")
        }.map { String($0) }
    }

    /// The first non-empty line of a program's output, trimmed.
    func firstLine(of text: String) -> String? {
        text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
