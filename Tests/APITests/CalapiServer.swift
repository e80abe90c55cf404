import Foundation
import XCTest
@testable import Host

/// A real `calapi serve` process built by `swift build`, on a free port, against a test database.
/// It connects as the restricted role unless told to connect as the owner; `databaseURL` (the
/// owner's) seeds and checks rows.
final class CalapiServer {
    /// Which role the server's `DATABASE_URL` names.
    enum Role {
        /// The restricted role of `DatabaseRole`, as operators should run calapi.
        case restricted
        /// The owner of the tables (the test cluster's superuser).
        case owner
    }

    let port: UInt16
    let databaseURL: String
    private let process: Process
    private let output: Pipe
    /// Where the server's log (standard error) goes.
    let logPath: String
    /// The config file the server reads (rewrite it and send SIGHUP to reload).
    let configPath: String
    /// What the server printed on standard output up to (at least) its "listening on" line.
    private(set) var startupOutput = ""

    /// The folder with the calapi binary and the plugin libraries (`.build/debug` unless set).
    static var binaryDirectory: String {
        if let folder = ProcessInfo.processInfo.environment["CALAPI_BIN_DIR"] { return folder }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }

    /// Starts the server with `config` (YAML text; empty for defaults) on `port` (0: a free one) and
    /// waits until it listens.
    init(databaseURL: String, config: String = "", environment: [String: String] = [:], role: Role = .restricted,
         port requestedPort: UInt16 = 0) throws {
        self.databaseURL = databaseURL
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        configPath = folder.appendingPathComponent("config.yaml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)

        process = Process()
        process.executableURL = URL(fileURLWithPath: CalapiServer.binaryDirectory + "/calapi")
        process.arguments = ["serve", "--config", configPath, "--port", String(requestedPort)]
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = role == .restricted ? try TestDatabase.restrictedURL(databaseURL) : databaseURL
        env["CALAPI_PLUGIN_DIR"] = CalapiServer.binaryDirectory
        for (key, value) in environment { env[key] = value }
        process.environment = env
        output = Pipe()
        logPath = folder.appendingPathComponent("calapi.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()

        var collected = Data()
        let deadline = Date().addingTimeInterval(30)
        var found: UInt16?
        while found == nil && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { usleep(20_000); continue }
            collected.append(chunk)
            let text = String(decoding: collected, as: UTF8.self)
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = UInt16(text[range].split(separator: ":").last!)
            }
        }
        startupOutput = String(decoding: collected, as: UTF8.self)
        guard let found else {
            process.terminate()
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw TestFailure("calapi did not start: \(log)")
        }
        port = found
    }

    /// Sends SIGTERM and waits for a clean exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: configPath).deletingLastPathComponent().path)
    }

    /// The OpenAPI document this server serves at `/docs`, fetched on first use.
    private(set) lazy var document: JSONValue = {
        guard let answer = try? request("GET", "/docs"), let document = try? JSONParser.parse(Array(answer.body)) else { return .null }
        return document
    }()

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Sends `number` (SIGHUP, SIGTERM, …) without waiting.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit; returns its exit status.
    @discardableResult
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The server's log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits (up to 15 s) until the log holds `text` `count` times; returns the log.
    @discardableResult
    func waitForLog(_ text: String, count: Int = 1) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let current = log
            if current.components(separatedBy: text).count - 1 >= count { return current }
            usleep(20_000)
        }
        throw TestFailure("the log never said \"\(text)\" \(count) time(s): \(log)")
    }

    /// Writes `yaml` as the config, sends SIGHUP and waits for the reload to be logged (taken or refused).
    @discardableResult
    func reload(with yaml: String) throws -> String {
        let before = log.components(separatedBy: "SIGHUP: reloading").count - 1
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
        signal(SIGHUP)
        try waitForLog("SIGHUP: reloading", count: before + 1)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let lines = log.components(separatedBy: "SIGHUP: reloading")
            if lines.count > before + 1, let last = lines.last, last.contains("reloaded ") || last.contains("reload refused") {
                return last
            }
            usleep(20_000)
        }
        throw TestFailure("the reload was not logged: \(log)")
    }

    /// The log as text, whatever `log.format`: a JSON line's operational message reads
    /// `calapi <level>: [<plugin>] <msg>` as in the text format; other lines are kept as written.
    func logText() throws -> String {
        try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map { line in
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let level = object["level"] as? String, let message = object["msg"] as? String else { return String(line) }
            let plugin = (object["plugin"] as? String).map { "[\($0)] " } ?? ""
            return "calapi \(level): \(plugin)\(message)"
        }.joined(separator: "\n")
    }

    /// The JSON objects of the log (lines that are not JSON are skipped).
    func logObjects() throws -> [[String: Any]] {
        try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// A new keep-alive connection.
    func client() throws -> HTTPClient { try HTTPClient(port: port) }

    /// One request on a fresh connection.
    func request(_ method: String, _ path: String, body: Any? = nil, headers: [String: String] = [:]) throws -> HTTPClient.Response {
        try client().request(method, path, body: body, headers: headers)
    }

    /// A database connection for seeding data and checking rows.
    func database() throws -> PGConnection {
        let connection = PGConnection(url: databaseURL)
        try connection.connect()
        return connection
    }
}

/// Runs `calapi` as a command (not a server) and returns its exit status and output.
func runCalapi(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CalapiServer.binaryDirectory + "/calapi")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CALAPI_PLUGIN_DIR"] = CalapiServer.binaryDirectory
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
