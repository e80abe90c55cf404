import Foundation

/// The `calapi` command line: a verb, then `--name value` options. Exit codes: 0 success,
/// 2 bad usage or bad config, 1 any other failure.
enum CLI {
    static let usage = """
        usage: calapi <command> [options]

        commands:
          serve [--config FILE] [--port N] [--check-config]
                      serve the API; without DATABASE_URL, start a private PostgreSQL under .calapi/
          migrate [--config FILE]
                      create Cal.com's tables on an empty database (idempotent; leaves Cal.com's own alone)
          db-role-sql [--role NAME] [--config FILE]
                      print the SQL that creates the restricted role calapi serve should connect as
                      (run it as the owner of Cal.com's tables; again after Cal.com's migrations)
          keys create --user-id N [--expires-at ISO8601] [--note TEXT] [--config FILE]
                      mint a Cal.com-compatible API key for a user and print it once
          openapi [--config FILE]
                      print the OpenAPI document for the current config
          plugins [--config FILE]
                      list the plugins found, their ABI, resources and methods, and whether they load
          indexes [--apply] [--config FILE]
                      print the indexes calapi's statements would use that Cal.com's schema lacks;
                      --apply creates the missing ones (CREATE INDEX CONCURRENTLY)
          help [COMMAND]
                      this list, or the details of one command
          --version   print the version

        The config file defaults to ./config.yaml when it exists. Environment: DATABASE_URL, PORT,
        CALAPI_HOST, CALAPI_REUSE_PORT, CALAPI_POOL_SIZE, CALAPI_STATEMENT_TIMEOUT, CALAPI_DATA_DIR,
        CALAPI_PLUGIN_DIR, API_KEY_PREFIX.
        """

    /// A usage problem: printed with the usage text, exit code 2.
    struct UsageError: Error { let message: String }

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            print(usage)
            return 2
        }
        if ["--version", "version"].contains(command) {
            print(CalapiVersion.line)
            return 0
        }
        if ["-h", "--help", "help"].contains(command) {
            return help(Array(arguments.dropFirst()))
        }
        if arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }), let text = CommandHelp.text(for: command) {
            print(text)
            return 0
        }
        do {
            let options = try Options(Array(arguments.dropFirst()))
            switch command {
            case "serve": return try ServeCommand.run(options)
            case "migrate": return try MigrateCommand.run(options)
            case "db-role-sql": return try DBRoleSQLCommand.run(options)
            case "keys": return try KeysCommand.run(options)
            case "openapi": return try OpenAPICommand.run(options)
            case "plugins": return try PluginsCommand.run(options)
            case "indexes": return try IndexesCommand.run(options)
            default: throw UsageError(message: "unknown command \"\(command)\"")
            }
        } catch let error as UsageError {
            fputs("calapi: \(error.message)\n\n\(usage)\n", stderr)
            return 2
        } catch let error as ConfigError {
            fputs("calapi: \(error)\n", stderr)
            return 2
        } catch let error as ServedAPI.AssemblyError {
            fputs("calapi: \(error)\n", stderr)
            return 2
        } catch {
            fputs("calapi: \(error)\n", stderr)
            return 1
        }
    }

    /// `calapi help [COMMAND]`: the list of commands, or one command's details (exit 2 for an unknown one).
    private static func help(_ words: [String]) -> Int32 {
        guard let command = words.first else {
            print(usage)
            return 0
        }
        guard words.count == 1, let text = CommandHelp.text(for: command) else {
            let known = CommandHelp.commands.map(\.name).joined(separator: ", ")
            fputs("calapi: no command \"\(words.joined(separator: " "))\"; commands: \(known)\n", stderr)
            return 2
        }
        print(text)
        return 0
    }

    /// Loads the config named by --config, else ./config.yaml when present, else defaults.
    static func loadConfig(_ options: Options) throws -> Config {
        let environment = ProcessInfo.processInfo.environment
        if let path = options.value("config") {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigError(file: path, line: nil, key: "--config", message: "no such file")
            }
            return try ConfigLoader.load(path: path, environment: environment)
        }
        let local = "config.yaml"
        return try ConfigLoader.load(path: FileManager.default.fileExists(atPath: local) ? local : nil, environment: environment)
    }
}

/// `--name value` pairs and bare words after the command.
struct Options {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var words: [String] = []

    private static let flagNames: Set<String> = ["check-config", "apply"]

    init(_ arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    values[String(name[..<equals])] = String(name[name.index(after: equals)...])
                } else if Options.flagNames.contains(name) {
                    flags.insert(name)
                } else {
                    guard index + 1 < arguments.count else { throw CLI.UsageError(message: "option --\(name) needs a value") }
                    values[name] = arguments[index + 1]
                    index += 1
                }
            } else {
                words.append(argument)
            }
            index += 1
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Refuses options the command does not know.
    func allow(_ names: Set<String>) throws {
        if let unknown = (Set(values.keys).union(flags)).subtracting(names).sorted().first {
            throw CLI.UsageError(message: "unknown option --\(unknown)")
        }
    }
}
