import Foundation

extension EmbeddedPostgres {
    /// PostgreSQL's server programs (`initdb`, `pg_ctl`) and the account they must run as.
    struct Programs {
        /// The OS account that owns and runs the cluster when calapi runs as root.
        struct Account {
            let name: String
            let uid: uid_t
            let gid: gid_t
        }

        /// Where Debian installs the server programs, one folder per major version.
        static let debianRoot = "/usr/lib/postgresql"

        /// The `bin` folder of the highest installed major version.
        let binDirectory: String
        /// Set when calapi runs as root: `initdb` and `postgres` refuse root, so they run as `postgres`.
        let account: Account?
        /// `runuser`, used to switch to `account`.
        let runuser: String?

        /// Finds the server programs, and the `postgres` account when running as root.
        static func locate() throws -> Programs {
            let majors = ((try? FileManager.default.contentsOfDirectory(atPath: debianRoot)) ?? [])
                .compactMap { name in Double(name).map { (version: $0, name: name) } }
                .filter { FileManager.default.isExecutableFile(atPath: "\(debianRoot)/\($0.name)/bin/pg_ctl") }
                .sorted { $0.version > $1.version }
            guard let newest = majors.first else {
                throw Failure(message: "PostgreSQL server not found in \(debianRoot): apt-get install -y postgresql")
            }
            let binDirectory = "\(debianRoot)/\(newest.name)/bin"
            guard geteuid() == 0 else {
                return Programs(binDirectory: binDirectory, account: nil, runuser: nil)
            }
            guard let account = Account.forServer() else {
                throw Failure(message: "running as root needs the 'postgres' system account to run PostgreSQL: apt-get install -y postgresql")
            }
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: FileManager.default.isExecutableFile) else {
                throw Failure(message: "running as root needs runuser to run PostgreSQL as 'postgres': apt-get install -y util-linux")
            }
            return Programs(binDirectory: binDirectory, account: account, runuser: runuser)
        }

        /// Runs one program of `binDirectory` to completion (as `account` when set) and returns its exit
        /// status with its combined output.
        ///
        /// The child is started with `posix_spawn` and every descriptor above stderr closed, not with
        /// Foundation's `Process`: on Linux, `Process` learns of a child's exit through a socket the child
        /// inherits, and the server that `pg_ctl start` leaves running would inherit it too, so
        /// `waitUntilExit()` would never return. Output goes to a temporary file for the same reason.
        func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
            let executable = "\(binDirectory)/\(program)"
            var command = [executable] + arguments
            if let account, let runuser {
                command = [runuser, "-u", account.name, "--"] + command
            }
            // libpq's PG* variables must not steer the tools; the locale must exist everywhere.
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
            environment["LC_ALL"] = "C.UTF-8"

            let outputPath = NSTemporaryDirectory() + "calapi-\(program)-\(UUID().uuidString).out"
            let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard output >= 0 else {
                throw Failure(message: "could not create \(outputPath) to run \(program) (errno \(errno))")
            }
            defer {
                close(output)
                unlink(outputPath)
            }
            let status = try Self.spawnAndWait(command, environment: environment.map { "\($0.key)=\($0.value)" }, output: output)
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            return (status, text)
        }
    }
}
