import Foundation

extension EmbeddedPostgres {
    /// Remembers the port picked for `port: 0`, so the URL stays the same across restarts.
    var portFile: String { dataDirectory + "/port" }
    /// The superuser's password, mode 0600, readable by calapi's own account only.
    var passwordFile: String { dataDirectory + "/password" }
    /// The password of the restricted role the API server connects as (`DatabaseRole`), mode 0600.
    var apiPasswordFile: String { dataDirectory + "/api-password" }
    /// The settings calapi rewrites at every start, included from `postgresql.conf`.
    var settingsFile: String { clusterDirectory + "/calapi.conf" }

    /// Creates the data, server and socket folders (mode 0700) and, as root, hands the server's
    /// folders to its account. Only folders calapi creates or owns are touched: never their parents.
    func prepareFolders(for programs: Programs) throws {
        try createPrivateFolder(dataDirectory)
        if isRelocated {
            try prepareRelocationBase()
            try createPrivateFolder(serverDirectory)
        }
        try createPrivateFolder(socketDirectory)
        guard let account = programs.account else { return }
        for path in [serverDirectory, socketDirectory, logFile] where FileManager.default.fileExists(atPath: path) {
            try handOver(path, to: account)
        }
    }

    /// The restricted role's password, made up and written to `apiPasswordFile` on first use.
    func apiPassword() throws -> String {
        if let text = try? String(contentsOfFile: apiPasswordFile, encoding: .utf8), let secret = firstLine(of: text), !secret.isEmpty {
            return secret
        }
        let secret = Self.randomSecret()
        try writeFile(apiPasswordFile, secret + "\n", mode: 0o600, owner: nil)
        return secret
    }

    /// 24 random bytes in hex: a password that needs no quoting in a URL or in SQL.
    static func randomSecret() -> String {
        (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// Says where the cluster went and why, and points at a cluster left in the data folder by an
    /// earlier calapi (which loosened the parents' permissions so the server could reach it).
    func reportRelocation(for programs: Programs) {
        let blocking = Self.blockingParent(of: dataDirectory) { programs.account?.canTraverse($0) ?? true } ?? dataDirectory
        Log.info("the 'postgres' account cannot reach \(dataDirectory) (\(blocking) is closed to it), so the private "
                 + "PostgreSQL cluster lives in \(serverDirectory)")
        if FileManager.default.fileExists(atPath: dataDirectory + "/pgdata/PG_VERSION") {
            Log.warning("\(dataDirectory)/pgdata holds an older cluster, which is not used: move it to \(clusterDirectory) "
                        + "while calapi is stopped to keep its data")
        }
    }

    private func createPrivateFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "could not create \(folder): \(error.localizedDescription)")
        }
        chmod(folder, 0o700)
    }

    /// Runs `initdb` with a fresh random password, then makes `postgresql.conf` include `calapi.conf`.
    func initialise(using programs: Programs) throws {
        let secret = Self.randomSecret()
        try writeFile(passwordFile, secret + "\n", mode: 0o600, owner: nil)
        // Where the server's account can read it, also when the data folder is closed to it.
        let passwordForInitdb = serverDirectory + "/initdb-password"
        try writeFile(passwordForInitdb, secret + "\n", mode: 0o600, owner: programs.account)
        defer { try? FileManager.default.removeItem(atPath: passwordForInitdb) }

        var arguments = [
            "-D", clusterDirectory, "-U", Self.roleAndDatabase, "--pwfile", passwordForInitdb,
            "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8",
        ]
        if forTests {
            arguments.append("--no-sync")
        }
        let result = try programs.run("initdb", arguments)
        try appendToLog(result.output, for: programs)
        guard result.status == 0 else {
            let reason = result.output.split(separator: "\n").last { $0.contains("error") }.map(String.init)
                ?? firstLine(of: result.output) ?? "exit status \(result.status)"
            throw Failure(message: "initdb could not create a PostgreSQL cluster in \(clusterDirectory) (\(reason)); see \(logFile)")
        }
        guard let configuration = FileHandle(forWritingAtPath: clusterDirectory + "/postgresql.conf") else {
            throw Failure(message: "could not open \(clusterDirectory)/postgresql.conf after initdb")
        }
        defer { try? configuration.close() }
        configuration.seekToEndOfFile()
        configuration.write(Data("\n# calapi's settings, rewritten at every start\ninclude_if_exists = 'calapi.conf'\n".utf8))
    }

    /// The superuser's password written by `initialise`.
    func readPassword() throws -> String {
        guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8),
              let secret = firstLine(of: text), !secret.isEmpty else {
            throw Failure(message: "the PostgreSQL cluster in \(clusterDirectory) has no readable password file \(passwordFile); restore it or remove \(dataDirectory) to start afresh")
        }
        return secret
    }

    /// Writes `calapi.conf` for the current port: 127.0.0.1 only, the socket in the run folder (when its
    /// path fits a Unix socket address; else TCP only), and no flushing to disk when `forTests`. Commits
    /// still reach the operating system before they return, so a `kill()` keeps them.
    func writeSettings(for programs: Programs) throws {
        let socketFits = (socketDirectory + "/.s.PGSQL.\(port)").utf8.count < 108
        let durability = forTests ? "off" : "on"
        let settings = """
            # Written by calapi at every start of its private PostgreSQL: edits here are lost.
            listen_addresses = '127.0.0.1'
            port = \(port)
            max_connections = 100
            unix_socket_directories = \(Self.settingLiteral(socketFits ? socketDirectory : ""))
            unix_socket_permissions = 0700
            fsync = \(durability)
            full_page_writes = \(durability)

            """
        try writeFile(settingsFile, settings, mode: 0o600, owner: programs.account)
    }

    /// Appends a child's output to the server log, keeping the log writable by the server's account.
    func appendToLog(_ text: String, for programs: Programs) throws {
        if !FileManager.default.fileExists(atPath: logFile) {
            try writeFile(logFile, "", mode: 0o600, owner: programs.account)
        }
        guard let log = FileHandle(forWritingAtPath: logFile) else {
            throw Failure(message: "could not write \(logFile)")
        }
        defer { try? log.close() }
        log.seekToEndOfFile()
        log.write(Data(text.utf8))
    }

    /// Writes a whole file with the given mode, owned by `owner` when set.
    func writeFile(_ path: String, _ text: String, mode: Int, owner: Programs.Account?) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw Failure(message: "could not write \(path)")
        }
        if let owner {
            try handOver(path, to: owner)
        }
    }

    /// Gives one path to the server's account.
    private func handOver(_ path: String, to account: Programs.Account) throws {
        guard chown(path, account.uid, account.gid) == 0 else {
            throw Failure(message: "could not give \(path) to the '\(account.name)' account (errno \(errno))")
        }
    }

    /// A postgresql.conf string literal.
    static func settingLiteral(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
