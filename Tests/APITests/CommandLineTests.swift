import Foundation
import XCTest
@testable import Host

/// `calapi --version`, `calapi help <command>`, and what `calapi serve` says when it starts.
final class CommandLineTests: XCTestCase {
    func testVersion() throws {
        let result = try runCalapi(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("calapi \(CalapiVersion.number) (plugin ABI 1."), result.stdout)
    }

    func testHelpForEachCommand() throws {
        for command in ["serve", "migrate", "db-role-sql", "keys", "openapi", "plugins"] {
            let result = try runCalapi(["help", command])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.hasPrefix("usage: calapi \(command)"), result.stdout)
        }
        let serve = try runCalapi(["help", "serve"]).stdout
        XCTAssertTrue(serve.contains("SIGHUP reloads the config"), serve)
        XCTAssertEqual(try runCalapi(["serve", "--help"]).stdout, serve)
        XCTAssertTrue(try runCalapi(["help"]).stdout.contains("help [COMMAND]"))
    }

    func testHelpForAnUnknownCommandIsAUsageError() throws {
        let result = try runCalapi(["help", "serv"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(#"no command "serv"; commands: serve, migrate"#), result.stderr)
    }

    func testServeSaysWhereItListensWhatItServesAndWhereTheDocsAre() throws {
        let server = try CalapiServer(databaseURL: try TestDatabase.create(), config: "resources:\n  users: [GET]\n  me: [GET]\n")
        defer { server.stop() }
        let deadline = Date().addingTimeInterval(10)
        while !server.log.contains("serving on") && Date() < deadline { usleep(20_000) }
        let base = "http://127.0.0.1:\(server.port)"
        XCTAssertTrue(server.startupOutput.contains("calapi listening on \(base)\n  resources: users, me\n  docs:      \(base)/docs"),
                      server.startupOutput)
        XCTAssertTrue(server.log.contains("serving on \(base) (pid \(server.pid); SIGHUP reloads"), server.log)
    }
}
