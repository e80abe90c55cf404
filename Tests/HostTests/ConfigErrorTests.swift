import XCTest
@testable import Host

/// Every way config.yaml can be refused, with the message an operator reads.
final class ConfigErrorTests: XCTestCase {
    /// The refusal of `yaml` as printed.
    private func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try ConfigLoader.parse(yaml: yaml, file: "config.yaml", baseDirectory: "/srv", environment: [:])
            XCTFail("accepted", file: file, line: line)
            return ""
        } catch let error as ConfigError {
            return error.description
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    func testUnknownMethod() {
        let yaml = "resources:\n  users: [GET]\n  payments:\n    - GET\n    - FETCH\n"
        XCTAssertEqual(refusal(yaml), #"config.yaml:5: resources.payments: unknown method "FETCH" (allowed: GET, POST, PATCH, DELETE, PUT)"#)
    }

    func testPluginFilesMustBeLibNameSoAndListedOnce() {
        XCTAssertEqual(refusal("plugins:\n  files: [plugins/summary.so]\n"),
                       #"config.yaml:2: plugins.files: invalid plugin file "plugins/summary.so" (expected a path ending in lib<Name>.so, <Name> of letters, digits and "_")"#)
        XCTAssertEqual(refusal("plugins:\n  files: [libA.so, /srv/libA.so]\n"), #"config.yaml:2: plugins.files: plugin file "/srv/libA.so" listed twice"#)
    }

    func testUnknownKeysAtEveryLevel() {
        XCTAssertEqual(refusal("limits:\n  max_body: 10\n"),
                       "config.yaml:2: limits.max_body: unknown key (expected one of: max_body_bytes, max_header_bytes, "
                       + "header_timeout_seconds, idle_timeout_seconds, io_threads, max_connections, drain_timeout_seconds, "
                       + "drain_idle_seconds, max_page_size, max_availability_days, max_team_availability_members, max_query_params)")
        XCTAssertEqual(refusal("listen:\n  reuse: true\n"),
                       "config.yaml:2: listen.reuse: unknown key (expected one of: host, port, reuse_port)")
        XCTAssertEqual(refusal("# settings\nlisten: {}\nlisen:\n  port: 1\n"),
                       "config.yaml:3: lisen: unknown key (expected one of: listen, database, plugins, resources, limits, auth, log, metrics, rate_limit)")
        XCTAssertEqual(refusal("auth:\n  api_key_prefix: x\n  cache: 1\n"),
                       "config.yaml:3: auth.cache: unknown key (expected one of: api_key_prefix, cache_seconds)")
        XCTAssertEqual(refusal("database:\n  url: x\n  schema: y\n"),
                       "config.yaml:3: database.schema: unknown key (expected one of: url, data_dir, pool_size, statement_timeout)")
    }

    func testDuplicateKeys() {
        XCTAssertEqual(refusal("listen:\n  port: 1\n  port: 2\n"), "config.yaml:3: listen.port: duplicate key (first at line 2)")
        XCTAssertEqual(refusal("limits: {}\nlimits: {}\n"), "config.yaml:2: limits: duplicate key (first at line 1)")
        XCTAssertEqual(refusal("resources:\n  users: [GET]\n  users: [POST]\n"),
                       "config.yaml:3: resources.users: duplicate key (first at line 2)")
    }

    func testWrongTypes() {
        XCTAssertEqual(refusal("listen:\n  port: high\n"), #"config.yaml:2: listen.port: expected an integer from 1 to 65535, got "high""#)
        XCTAssertEqual(refusal("listen: 3002\n"), #"config.yaml:1: listen: expected a mapping, got "3002""#)
        XCTAssertEqual(refusal("- a\n- b\n"), "config.yaml:1: expected a mapping of settings, got a list")
        XCTAssertEqual(refusal("listen:\n  host: [a, b]\n"), "config.yaml:2: listen.host: expected a single value, got a list")
        XCTAssertEqual(refusal("resources:\n  users: GET\n"), #"config.yaml:2: resources.users: expected a list such as [a, b], got "GET""#)
        XCTAssertEqual(refusal("resources:\n  users:\n    - [GET]\n"),
                       "config.yaml:3: resources.users: expected a single value in the list, got a list")
        XCTAssertEqual(refusal("limits:\n  header_timeout_seconds: soon\n"),
                       #"config.yaml:2: limits.header_timeout_seconds: expected a number of seconds from 0.1 to 3600, got "soon""#)
        XCTAssertEqual(refusal("? [a]\n: b\n"), "config.yaml:1: expected a plain key, got a list")
    }

    func testValuesOutOfRange() {
        XCTAssertEqual(refusal("listen:\n  port: 70000\n"), #"config.yaml:2: listen.port: expected an integer from 1 to 65535, got "70000""#)
        XCTAssertEqual(refusal("listen:\n  port: 0\n"), #"config.yaml:2: listen.port: expected an integer from 1 to 65535, got "0""#)
        XCTAssertEqual(refusal("database:\n  pool_size: 65\n"),
                       #"config.yaml:2: database.pool_size: expected an integer from 1 to 64, got "65""#)
        XCTAssertEqual(refusal("auth:\n  cache_seconds: 301\n"),
                       #"config.yaml:2: auth.cache_seconds: expected a number of seconds from 0 to 300, got "301""#)
        XCTAssertEqual(refusal("auth:\n  cache_seconds: -1\n"),
                       #"config.yaml:2: auth.cache_seconds: expected a number of seconds from 0 to 300, got "-1""#)
        XCTAssertEqual(refusal("limits:\n  max_header_bytes: 100\n"),
                       #"config.yaml:2: limits.max_header_bytes: expected an integer from 1024 to 1048576, got "100""#)
        XCTAssertEqual(refusal("limits:\n  io_threads: 0\n"), #"config.yaml:2: limits.io_threads: expected an integer from 1 to 64, got "0""#)
        XCTAssertEqual(refusal("limits:\n  max_page_size: 0\n"),
                       #"config.yaml:2: limits.max_page_size: expected an integer from 1 to 1000000, got "0""#)
        XCTAssertEqual(refusal("limits:\n  max_availability_days: 36601\n"),
                       #"config.yaml:2: limits.max_availability_days: expected an integer from 1 to 36600, got "36601""#)
        XCTAssertEqual(refusal("limits:\n  max_team_availability_members: many\n"),
                       #"config.yaml:2: limits.max_team_availability_members: expected an integer from 1 to 100000, got "many""#)
        XCTAssertEqual(refusal("limits:\n  max_connections: 0\n"),
                       #"config.yaml:2: limits.max_connections: expected an integer from 1 to 1000000, got "0""#)
        XCTAssertEqual(refusal("limits:\n  max_connections: 1000001\n"),
                       #"config.yaml:2: limits.max_connections: expected an integer from 1 to 1000000, got "1000001""#)
        XCTAssertEqual(refusal("limits:\n  drain_timeout_seconds: 3601\n"),
                       #"config.yaml:2: limits.drain_timeout_seconds: expected a number of seconds from 0 to 3600, got "3601""#)
        XCTAssertEqual(refusal("limits:\n  drain_idle_seconds: -1\n"),
                       #"config.yaml:2: limits.drain_idle_seconds: expected a number of seconds from 0 to 3600, got "-1""#)
        XCTAssertEqual(refusal("limits:\n  max_body_bytes: 0\n"),
                       #"config.yaml:2: limits.max_body_bytes: expected an integer from 1 to 1073741824, got "0""#)
        XCTAssertEqual(refusal("limits:\n  idle_timeout_seconds: 0\n"),
                       #"config.yaml:2: limits.idle_timeout_seconds: expected a number of seconds from 0.1 to 3600, got "0""#)
        XCTAssertEqual(refusal("database:\n  statement_timeout: 3601\n"),
                       #"config.yaml:2: database.statement_timeout: expected a number of seconds from 0 to 3600, got "3601""#)
        XCTAssertEqual(refusal("listen:\n  reuse_port: yes\n"), #"config.yaml:2: listen.reuse_port: expected true or false, got "yes""#)
        XCTAssertEqual(refusal("listen:\n  host: ''\n"), #"config.yaml:2: listen.host: expected a host name or address without spaces, got """#)
        XCTAssertEqual(refusal("database:\n  data_dir: ''\n"), #"config.yaml:2: database.data_dir: expected a path, got """#)
    }

    func testResourceNames() {
        XCTAssertEqual(refusal("resources:\n  Users: [GET]\n"),
                       #"config.yaml:2: resources.Users: invalid resource name "Users" (lower-case letters, digits and "-", starting with a letter)"#)
        XCTAssertEqual(refusal("resources:\n  event_types: [GET]\n").contains("invalid resource name \"event_types\""), true)
        XCTAssertEqual(refusal("resources:\n  2fa: [GET]\n").contains("invalid resource name \"2fa\""), true)
        XCTAssertEqual(refusal("resources:\n  -users: [GET]\n").contains("invalid resource name \"-users\""), true)
    }

    func testMethodLists() {
        XCTAssertEqual(refusal("resources:\n  users: [GET, get]\n"), #"config.yaml:2: resources.users: method "GET" listed twice"#)
        XCTAssertEqual(refusal("resources:\n  users: []\n"),
                       "config.yaml:2: resources.users: no methods listed (leave the resource out to stop serving it)")
        XCTAssertEqual(refusal("resources:\n  users: [HEAD]\n"),
                       #"config.yaml:2: resources.users: unknown method "HEAD" (allowed: GET, POST, PATCH, DELETE, PUT)"#)
    }

    func testPluginNames() {
        XCTAssertEqual(refusal("plugins:\n  load:\n    - Users\n    - ../evil\n"),
                       #"config.yaml:4: plugins.load: invalid plugin name "../evil" (letters, digits and "_" only)"#)
        XCTAssertEqual(refusal("plugins:\n  load: [Users, Users]\n"), #"config.yaml:2: plugins.load: plugin "Users" listed twice"#)
        XCTAssertEqual(refusal("plugins:\n  load: [\"lib Users\"]\n").contains("invalid plugin name \"lib Users\""), true)
    }

    func testSyntaxErrorsCarryLibyamlsLineAndProblem() {
        XCTAssertEqual(refusal("listen:\n  host: a\n port: 1\n"),
                       "config.yaml:3: did not find expected key (while parsing a block mapping)")
        XCTAssertEqual(refusal("resources:\n  users: [GET, POST\n"),
                       "config.yaml:3: did not find expected ',' or ']' (while parsing a flow sequence)")
        XCTAssertEqual(refusal("listen:\n\thost: x\n"),
                       "config.yaml:2: found character that cannot start any token (while scanning for the next token)")
        XCTAssertEqual(refusal("listen: {}\n---\nlimits: {}\n"), "config.yaml:2: a second YAML document; only one is read")
    }

    func testSelfReferenceIsRefused() {
        XCTAssertEqual(refusal("resources:\n  users: &loop [*loop]\n").hasSuffix("nested too deeply (or aliases expand too far)"), true)
    }

    func testUnreadableFile() {
        XCTAssertThrowsError(try ConfigLoader.load(path: "/nonexistent/config.yaml", environment: [:])) { error in
            XCTAssertEqual("\(error)", "/nonexistent/config.yaml: cannot read the file: No such file or directory")
        }
    }
}
