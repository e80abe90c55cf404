import XCTest
@testable import Host

/// Environment variables over config.yaml.
final class ConfigEnvironmentTests: XCTestCase {
    private let file = """
        listen:
          host: 10.0.0.1
          port: 4000
        database:
          url: postgresql://file/db
          data_dir: data
          pool_size: 2
        plugins:
          directory: plugins
        auth:
          api_key_prefix: file_
        """

    private func parse(_ environment: [String: String]) throws -> Config {
        try ConfigLoader.parse(yaml: file, file: "config.yaml", baseDirectory: "/srv", environment: environment)
    }

    func testWithoutEnvironmentTheFileHolds() throws {
        let config = try parse([:])
        XCTAssertEqual(config.host, "10.0.0.1")
        XCTAssertEqual(config.port, 4000)
        XCTAssertEqual(config.databaseURL, "postgresql://file/db")
        XCTAssertEqual(config.dataDirectory, "/srv/data")
        XCTAssertEqual(config.poolSize, 2)
        XCTAssertEqual(config.pluginDirectory, "/srv/plugins")
        XCTAssertEqual(config.apiKeyPrefix, "file_")
    }

    func testEnvironmentWinsOverTheFile() throws {
        let config = try parse([
            "DATABASE_URL": "postgresql://env/db?schema=cal", "PORT": "5000", "CALAPI_HOST": "0.0.0.0",
            "CALAPI_POOL_SIZE": "8", "CALAPI_DATA_DIR": "/var/calapi", "CALAPI_PLUGIN_DIR": "/usr/lib/calapi",
            "API_KEY_PREFIX": "env_", "CALAPI_STATEMENT_TIMEOUT": "0", "CALAPI_REUSE_PORT": "true", "UNRELATED": "x",
        ])
        XCTAssertTrue(config.reusePort)
        XCTAssertEqual(config.host, "0.0.0.0")
        XCTAssertEqual(config.port, 5000)
        XCTAssertEqual(config.databaseURL, "postgresql://env/db?schema=cal")
        XCTAssertEqual(config.dataDirectory, "/var/calapi")
        XCTAssertEqual(config.poolSize, 8)
        XCTAssertEqual(config.pluginDirectory, "/usr/lib/calapi")
        XCTAssertEqual(config.apiKeyPrefix, "env_")
        XCTAssertEqual(config.statementTimeoutSeconds, 0)
    }

    func testCalapiPortWinsOverPort() throws {
        XCTAssertEqual(try parse(["PORT": "5000", "CALAPI_PORT": "6000"]).port, 6000)
        XCTAssertEqual(try parse(["CALAPI_PORT": "6000"]).port, 6000)
    }

    func testEmptyVariablesAreUnsetButEmptyPrefixMeansCal() throws {
        let config = try parse(["DATABASE_URL": "", "PORT": "", "CALAPI_DATA_DIR": "", "API_KEY_PREFIX": ""])
        XCTAssertEqual(config.databaseURL, "postgresql://file/db")
        XCTAssertEqual(config.port, 4000)
        XCTAssertEqual(config.dataDirectory, "/srv/data")
        XCTAssertEqual(config.apiKeyPrefix, "cal_")
    }

    func testRelativeFoldersFromTheEnvironmentResolveAgainstTheCurrentDirectory() throws {
        let here = FileManager.default.currentDirectoryPath
        let config = try parse(["CALAPI_DATA_DIR": "state", "CALAPI_PLUGIN_DIR": "./lib"])
        XCTAssertEqual(config.dataDirectory, ConfigPath.resolve("state", against: here))
        XCTAssertEqual(config.pluginDirectory, ConfigPath.resolve("lib", against: here))
    }

    func testEnvironmentAppliesWithoutAFile() throws {
        let config = try ConfigLoader.load(path: nil, environment: ["PORT": "7000", "DATABASE_URL": "postgresql://x/y"])
        XCTAssertEqual(config.port, 7000)
        XCTAssertEqual(config.databaseURL, "postgresql://x/y")
    }

    func testInvalidValuesNameTheVariable() {
        let cases: [([String: String], String)] = [
            (["PORT": "http"], #"environment: PORT: expected an integer from 1 to 65535, got "http""#),
            (["CALAPI_PORT": "65536"], #"environment: CALAPI_PORT: expected an integer from 1 to 65535, got "65536""#),
            (["CALAPI_POOL_SIZE": "0"], #"environment: CALAPI_POOL_SIZE: expected an integer from 1 to 64, got "0""#),
            (["CALAPI_HOST": "local host"],
             #"environment: CALAPI_HOST: expected a host name or address without spaces, got "local host""#),
            (["CALAPI_STATEMENT_TIMEOUT": "-1"],
             #"environment: CALAPI_STATEMENT_TIMEOUT: expected a number of seconds from 0 to 3600, got "-1""#),
            (["CALAPI_REUSE_PORT": "1"], #"environment: CALAPI_REUSE_PORT: expected true or false, got "1""#),
            (["API_KEY_PREFIX": "a b"], #"environment: API_KEY_PREFIX: expected an API key prefix without spaces, got "a b""#),
        ]
        for (environment, message) in cases {
            XCTAssertThrowsError(try parse(environment)) { error in
                XCTAssertEqual("\(error)", message)
                XCTAssertNil((error as? ConfigError)?.line)
            }
        }
    }
}
