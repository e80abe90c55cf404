import Foundation
import XCTest
@testable import Host

/// Plain-C plugins compiled here with `cc` against the header alone: one that works, and one per
/// refusal the loader promises, each asserting its one-line message.
final class PluginABITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try CPluginBuilder.pluginFolder()
    }

    /// A working plugin: GET /greetings/{name} answers {"greeting":"hello <name>"} from PostgreSQL.
    static let hello = """
        #include "calapi_plugin.h"
        static const calapi_host_v1 *host;
        static calapi_stmt_id greet;
        static int32_t get_greeting(calapi_req *req, void *unused) {
            calapi_value p[1] = {{ .type = CALAPI_PARAM_TEXT, .s = host->path_param(req, CALAPI_LIT("name")) }};
            calapi_rows *rows;
            if (host->db_exec(req, greet, 1, p, &rows) != CALAPI_DB_OK) return CALAPI_FAIL;
            host->json_begin_object(req);
            host->json_key(req, CALAPI_LIT("greeting"));
            host->json_write_string(req, host->rows_text(rows, 0, 0));
            host->json_key(req, CALAPI_LIT("caller"));
            host->json_write_int(req, host->auth_user_id(req));
            host->json_end_object(req);
            return CALAPI_OK;
        }
        CALAPI_PLUGIN_MAGIC("hello", "0.1.0")
        CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
            host = h;
            reg->declare_resource(reg, CALAPI_LIT("greetings"), CALAPI_METHODS_READ);
            calapi_statement_v1 s = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT("greet"), CALAPI_LIT("SELECT 'hello ' || $1::text") };
            if (reg->add_statement(reg, &s, &greet) != CALAPI_OK) return CALAPI_FAIL;
            calapi_route_v1 r = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("greetings"), CALAPI_LIT("/greetings/{name}"),
                                  get_greeting, 0, {0, 0}, {0, 0}, CALAPI_LIT("{\\"summary\\":\\"Greet\\"}"), 0 };
            return reg->add_route(reg, &r);
        }
        """

    /// A plugin with a hand-written magic block and the given init body.
    static func fixture(magic: String = "CALAPI_MAGIC, CALAPI_SIZE(calapi_magic), CALAPI_ABI_MAJOR, CALAPI_ABI_MINOR",
                        name: String, initBody: String?) -> String {
        var source = """
            #include "calapi_plugin.h"
            static const calapi_magic block = { \(magic), 0, "\(name)", "1.0", "test" };
            CALAPI_EXPORT const calapi_magic *calapi_plugin_magic(void) { return &block; }
            static int32_t handler(calapi_req *req, void *unused) { return CALAPI_OK; }
            """
        if let initBody {
            source += "\nCALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {\n\(initBody)\n}\n"
        }
        return source
    }

    private func build(_ family: String, _ source: String) throws {
        try CPluginBuilder.build(family, source, in: folder)
    }

    private func writeConfig(_ yaml: String) throws -> String {
        let path = folder.appendingPathComponent("config.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testEveryRefusalHasItsOwnMessage() throws {
        let statement = #"calapi_statement_v1 s = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT("keys"), CALAPI_LIT("SELECT \"hashedKey\" FROM \"ApiKey\"") }; calapi_stmt_id id; reg->add_statement(reg, &s, &id); return CALAPI_OK;"#
        let writeRoute = #"reg->declare_resource(reg, CALAPI_LIT("ledger"), CALAPI_METHODS_READ); calapi_route_v1 r = { CALAPI_SIZE(calapi_route_v1), CALAPI_POST, CALAPI_LIT("ledger"), CALAPI_LIT("/ledger"), handler, 0, {0,0}, {0,0}, {0,0}, 0 }; return reg->add_route(reg, &r);"#
        let cases: [(String, String, String)] = [
            ("BadMagic", PluginABITests.fixture(magic: "0x1234, CALAPI_SIZE(calapi_magic), 1, 0", name: "badmagic", initBody: "return CALAPI_OK;"),
             "cannot load plugin file \"libBadMagic.so\": not a calapi plugin (wrong magic number)"),
            ("Major", PluginABITests.fixture(magic: "CALAPI_MAGIC, CALAPI_SIZE(calapi_magic), 2, 0", name: "major", initBody: "return CALAPI_OK;"),
             "cannot load plugin file \"libMajor.so\": ABI version mismatch: calapi implements plugin ABI 1.1; the plugin was built for ABI 2.0"),
            ("Minor", PluginABITests.fixture(magic: "CALAPI_MAGIC, CALAPI_SIZE(calapi_magic), 1, 99", name: "minor", initBody: "return CALAPI_OK;"),
             "cannot load plugin file \"libMinor.so\": the plugin needs plugin ABI 1.99, newer than this calapi's 1.1"),
            ("NoInit", PluginABITests.fixture(name: "noinit", initBody: nil),
             "cannot load plugin file \"libNoInit.so\": missing entry symbol calapi_plugin_init_v1"),
            ("InitFails", PluginABITests.fixture(name: "initfails", initBody: #"reg->set_error(reg, CALAPI_LIT("settings missing")); return CALAPI_FAIL;"#),
             "cannot load plugin file \"libInitFails.so\": init failed: settings missing"),
            ("Sensitive", PluginABITests.fixture(name: "sensitive", initBody: statement),
             "cannot load plugin file \"libSensitive.so\": registration refused: statement \"keys\" refused: it names \"hashedKey\", which calapi never exposes"),
            ("Ceiling", PluginABITests.fixture(name: "ceiling", initBody: writeRoute),
             "cannot load plugin file \"libCeiling.so\": registration refused: route POST /ledger exceeds the ceiling of resource \"ledger\""),
            ("NullMagic", "#include \"calapi_plugin.h\"\nCALAPI_EXPORT const calapi_magic *calapi_plugin_magic(void) { return 0; }\n",
             "cannot load plugin file \"libNullMagic.so\": not a calapi plugin (calapi_plugin_magic returned NULL)"),
            ("NotAPlugin", "int nothing_here(void) { return 0; }",
             "cannot load plugin file \"libNotAPlugin.so\": not a calapi plugin (no calapi_plugin_magic symbol)"),
        ]
        for (family, source, _) in cases { try build(family, source) }
        let families = ["Users"] + cases.map(\.0)
        let config = try writeConfig("plugins:\n  directory: \(folder.path)\n  load: [\(families.joined(separator: ", "))]\nresources:\n  users: [GET]\n")
        let listing = try runCalapi(["plugins", "--config", config], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        XCTAssertEqual(listing.status, 1)
        for (family, _, message) in cases {
            XCTAssertTrue(listing.stdout.contains(message), "\(family): expected \(message)\n\(listing.stdout)")
        }
        XCTAssertTrue(listing.stdout.contains("libUsers.so: users 1.0.0"), listing.stdout)

        // Refused plugins are logged, and the server still starts with the others...
        let check = try runCalapi(["serve", "--config", config, "--check-config"], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        XCTAssertTrue(check.stderr.contains("libMajor.so"), check.stderr)
        XCTAssertTrue(check.stdout.contains("config OK: 1 plugin(s)"), check.stdout)
        // ...unless the config needs a resource only a refused plugin would serve.
        let needed = try writeConfig("plugins:\n  load: [Users, Ceiling]\nresources:\n  ledger: [GET]\n")
        let refused = try runCalapi(["serve", "--config", needed, "--check-config"], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("resources.ledger: no loaded plugin serves this resource (refused plugins:"), refused.stderr)
    }

    func testSwiftPluginWithItsOwnRuntimeIsRefused() throws {
        let source = folder.appendingPathComponent("static.swift")
        try #"@_cdecl("calapi_plugin_magic") public func magic() -> UnsafeRawPointer? { nil }"#
            .write(to: source, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-emit-library", "-static-stdlib", source.path,
                             "-o", folder.appendingPathComponent("libStaticRuntime.so").path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "swiftc -static-stdlib failed")
        let config = try writeConfig("plugins:\n  load: [Users, StaticRuntime]\nresources:\n  users: [GET]\n")
        let listing = try runCalapi(["plugins", "--config", config], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        XCTAssertTrue(listing.stdout.contains(#"cannot load plugin file "libStaticRuntime.so": a Swift plugin built with its own runtime (-static-stdlib)"#),
                      listing.stdout)
        XCTAssertTrue(listing.stdout.contains("libUsers.so: users 1.0.0"), "the shared-runtime plugin still loads")
    }

    /// The header compiles as C++ (g++, warnings as errors), and a C++ plugin built from it exports
    /// its entry points with C linkage, so calapi loads it.
    func testHeaderCompilesAsCPlusPlusAndItsPluginLoads() throws {
        let source = folder.appendingPathComponent("greeter.cpp")
        try """
            #include "calapi_plugin.h"
            static const calapi_host_v1 *host;
            static int32_t greet(calapi_req *req, void *) { return host->error(req, 418, CALAPI_LIT("no coffee")); }
            CALAPI_PLUGIN_MAGIC("greeter", "2.0.0")
            CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
                host = h;
                if (!CALAPI_HAS(h, limit)) return CALAPI_FAIL;
                calapi_route_v1 r = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("greetings"), CALAPI_LIT("/greetings"),
                                      greet, nullptr, { nullptr, 0 }, { nullptr, 0 }, CALAPI_LIT("{}"), nullptr };
                if (reg->declare_resource(reg, CALAPI_LIT("greetings"), CALAPI_METHODS_READ) != CALAPI_OK) return CALAPI_FAIL;
                return reg->add_route(reg, &r);
            }
            """.write(to: source, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["g++", "-std=c++11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-fvisibility=hidden",
                             "-I", CPluginBuilder.header, "-o", folder.appendingPathComponent("libGreeter.so").path, source.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "g++ refused calapi_plugin.h")
        let config = try writeConfig("plugins:\n  load: [Users, Greeter]\nresources:\n  greetings: [GET]\n")
        let listing = try runCalapi(["plugins", "--config", config], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        XCTAssertTrue(listing.stdout.contains("libGreeter.so: greeter 2.0.0 (cc "), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("      GET /greetings\n"), listing.stdout)
    }

    func testSwiftPluginsExportOnlyTheTwoEntryPoints() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["nm", "-D", "--defined-only", CalapiServer.binaryDirectory + "/libUsers.so"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let globals = listing.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            guard parts.count == 3, let kind = parts[1].first, kind.isUppercase else { return nil }
            return String(parts[2])
        }
        XCTAssertEqual(globals.sorted(), ["calapi_plugin_init_v1", "calapi_plugin_magic"])
    }

    func testAPlainCPluginServesRequests() throws {
        try build("Hello", PluginABITests.hello)
        let url = try TestDatabase.create()
        let server = try CalapiServer(databaseURL: url, config: "plugins:\n  load: [Users, Hello]\nresources:\n  greetings: [GET]\n  me: [GET]\n",
                                      environment: ["CALAPI_PLUGIN_DIR": folder.path])
        defer { server.stop() }
        let db = try server.database()
        defer { db.close() }
        let id = try XCTUnwrap(try db.query("INSERT INTO users (email, username) VALUES ('c@example.com', 'c') RETURNING id", []).int64(0, 0))
        let key = try APIKeyMinter.mint(userId: id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)
        let response = try server.request("GET", "/v1/greetings/world%20wide?apiKey=\(key)")
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(response.text, #"{"greeting":"hello world wide","caller":\#(id)}"#)
        XCTAssertEqual(try server.request("POST", "/v1/greetings/x?apiKey=\(key)", body: [:] as [String: Any]).status, 405)
    }

    /// One schema per component name: a plugin taking a name the host or an earlier plugin holds is refused
    /// (two plugins registering `Availability` once pointed `/availabilities` at the other plugin's schema).
    func testAComponentNameAlreadyTakenIsRefused() throws {
        let component = { (name: String) in
            #"reg->declare_resource(reg, CALAPI_LIT("\#(name.lowercased())"), CALAPI_METHODS_READ); return reg->add_component_schema(reg, CALAPI_LIT("\#(name)"), CALAPI_LIT("{\"type\":\"object\"}"));"#
        }
        let twice = #"reg->declare_resource(reg, CALAPI_LIT("twice"), CALAPI_METHODS_READ); reg->add_component_schema(reg, CALAPI_LIT("Twice"), CALAPI_LIT("{}")); return reg->add_component_schema(reg, CALAPI_LIT("Twice"), CALAPI_LIT("{}"));"#
        let cases: [(String, String, String)] = [
            ("TakenUser", PluginABITests.fixture(name: "takenuser", initBody: component("User")),
             "cannot load plugin file \"libTakenUser.so\": registration refused: component schema \"User\" is already registered by plugin \"users\""),
            ("TakenError", PluginABITests.fixture(name: "takenerror", initBody: component("ErrorMessage")),
             "cannot load plugin file \"libTakenError.so\": registration refused: component schema \"ErrorMessage\" is already registered by calapi itself"),
            ("Twice", PluginABITests.fixture(name: "twice", initBody: twice),
             "cannot load plugin file \"libTwice.so\": registration refused: component schema \"Twice\" is registered twice"),
        ]
        for (family, source, _) in cases { try build(family, source) }
        let config = try writeConfig("plugins:\n  directory: \(folder.path)\n  load: [Users, \(cases.map(\.0).joined(separator: ", "))]\nresources:\n  users: [GET]\n")
        let listing = try runCalapi(["plugins", "--config", config], environment: ["CALAPI_PLUGIN_DIR": folder.path])
        for (family, _, message) in cases {
            XCTAssertTrue(listing.stdout.contains(message), "\(family): expected \(message)\n\(listing.stdout)")
        }
        XCTAssertTrue(listing.stdout.contains("libUsers.so: users 1.0.0"), listing.stdout)
    }
}
