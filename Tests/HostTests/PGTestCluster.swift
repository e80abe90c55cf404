import Foundation
import Glibc

/// A private PostgreSQL server for tests: `initdb` in a temporary folder, a free port on
/// 127.0.0.1, `fsync` off. Uses the highest PostgreSQL major installed under /usr/lib/postgresql.
/// The server refuses to run as root, so when the tests do, its tools run as Debian's `postgres` user.
final class PGTestCluster {
    let directory: String
    let port: Int
    private let binaries: String

    /// A URL for the `postgres` superuser (trust authentication), with optional query parameters.
    func url(query: String = "") -> String {
        "postgresql://postgres@127.0.0.1:\(port)/postgres" + (query.isEmpty ? "" : "?" + query)
    }

    init() throws {
        let majors = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql").compactMap(Int.init)
        guard let major = majors.max() else { throw ClusterError("no PostgreSQL under /usr/lib/postgresql") }
        binaries = "/usr/lib/postgresql/\(major)/bin"
        var template = Array("/tmp/calapi-pg-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw ClusterError("mkdtemp failed") }
        directory = String(cString: template)
        if geteuid() == 0, let user = getpwnam("postgres") {
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        port = try Self.freePort()
        try run("initdb", "-D", "\(directory)/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "-N")
        try start()
    }

    func start() throws {
        try run("pg_ctl", "-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-o",
                "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    }

    func stop() throws {
        try run("pg_ctl", "-D", "\(directory)/data", "-m", "fast", "-w", "stop")
    }

    /// Stops the server if it runs and deletes its folder.
    func destroy() {
        try? run("pg_ctl", "-D", "\(directory)/data", "-m", "immediate", "-w", "stop")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs one of the server's tools and waits for it. posix_spawn rather than Foundation's
    /// `Process`, whose wait never ends when the child leaves a daemon behind (pg_ctl start).
    private func run(_ tool: String, _ arguments: String...) throws {
        let command = geteuid() == 0
            ? ["/usr/sbin/runuser", "-u", "postgres", "--", "\(binaries)/\(tool)"] + arguments
            : ["\(binaries)/\(tool)"] + arguments
        let outputPath = "\(directory)/\(tool).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else {
            throw ClusterError("could not start \(command[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw ClusterError("\(tool) failed (status \(status)): \(text)")
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw ClusterError("could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ClusterError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
