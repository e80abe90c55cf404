import XCTest
@testable import Host

/// config.yaml read into `Config`: defaults, every key, relative paths, files on disk.
final class ConfigLoaderTests: XCTestCase {
    private func parse(_ yaml: String) throws -> Config {
        try ConfigLoader.parse(yaml: yaml, file: "config.yaml", baseDirectory: "/srv/calapi", environment: [:])
    }

    private func assertDefaults(_ config: Config, dataDirectory: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(config.host, "127.0.0.1", file: file, line: line)
        XCTAssertEqual(config.port, 3002, file: file, line: line)
        XCTAssertNil(config.databaseURL, file: file, line: line)
        XCTAssertEqual(config.dataDirectory, dataDirectory, file: file, line: line)
        XCTAssertEqual(config.poolSize, 4, file: file, line: line)
        XCTAssertNil(config.pluginDirectory, file: file, line: line)
        for family in ["Users", "Teams", "Memberships", "EventTypes", "CustomInputs", "Schedules", "Availabilities",
                       "SelectedCalendars", "DestinationCalendars", "Payments", "Attendees", "BookingReferences", "Bookings", "Availability"] {
            XCTAssertTrue(config.pluginNames.contains(family), family, file: file, line: line)
        }
        XCTAssertEqual(config.resources, Config.defaultResources, file: file, line: line)
        XCTAssertEqual(config.maxBodyBytes, 1_048_576, file: file, line: line)
        XCTAssertEqual(config.maxHeaderBytes, 16_384, file: file, line: line)
        XCTAssertEqual(config.headerTimeoutSeconds, 10, file: file, line: line)
        XCTAssertEqual(config.idleTimeoutSeconds, 75, file: file, line: line)
        XCTAssertEqual(config.ioThreads, 1, file: file, line: line)
        XCTAssertEqual(config.maxQueryParameters, 1000, file: file, line: line)
        XCTAssertEqual(config.statementTimeoutSeconds, 10, file: file, line: line)
        XCTAssertEqual(config.apiKeyPrefix, "cal_", file: file, line: line)
        XCTAssertEqual(config.keyCacheSeconds, 30, file: file, line: line)
    }

    func testEmptyFileAndCommentsOnlyGiveDefaults() throws {
        for text in ["", "\n\n", "# nothing here\n  # at all\n", "---\n", "~\n"] {
            let config = try parse(text)
            assertDefaults(config, dataDirectory: "/srv/calapi/.calapi")
            XCTAssertEqual(config.sourcePath, "config.yaml")
        }
        XCTAssertEqual(Config.defaultResources["users"]?.methods, ["GET", "POST", "PATCH", "DELETE"])
        XCTAssertEqual(Config.defaultResources["me"]?.methods, ["GET"])
    }

    func testNoFileGivesDefaultsAgainstTheCurrentDirectory() throws {
        let config = try ConfigLoader.load(path: nil, environment: [:])
        assertDefaults(config, dataDirectory: ConfigPath.resolve(".calapi", against: FileManager.default.currentDirectoryPath))
        XCTAssertNil(config.sourcePath)
    }

    func testEveryKey() throws {
        let config = try parse("""
            listen:
              host: 0.0.0.0
              port: 8080
              reuse_port: true
            database:
              url: "postgresql://cal@db/cal?schema=public"
              data_dir: /var/lib/calapi
              pool_size: 16
              statement_timeout: 2.5
            plugins:
              directory: plugins
              load: [Users, Event_Types2]
            resources:
              users: [get, Post]
              event-types:
                - GET
                - DELETE
            limits:
              max_body_bytes: 2048
              max_header_bytes: 4096
              header_timeout_seconds: 2.5
              idle_timeout_seconds: 30
              io_threads: 2
              max_connections: 500
              drain_timeout_seconds: 12.5
              drain_idle_seconds: 0.5
              max_page_size: 500
              max_availability_days: 62
              max_team_availability_members: 20
              max_query_params: 50
            auth:
              api_key_prefix: acme_
              cache_seconds: 15
            """)
        XCTAssertEqual(config.host, "0.0.0.0")
        XCTAssertEqual(config.port, 8080)
        XCTAssertEqual(config.databaseURL, "postgresql://cal@db/cal?schema=public")
        XCTAssertEqual(config.dataDirectory, "/var/lib/calapi")
        XCTAssertEqual(config.poolSize, 16)
        XCTAssertEqual(config.statementTimeoutSeconds, 2.5)
        XCTAssertEqual(config.pluginDirectory, "/srv/calapi/plugins")
        XCTAssertEqual(config.pluginNames, ["Users", "Event_Types2"])
        XCTAssertEqual(config.resources, [
            "users": ResourceConfig(methods: ["GET", "POST"], line: 14),
            "event-types": ResourceConfig(methods: ["GET", "DELETE"], line: 15),
        ])
        XCTAssertEqual(config.maxBodyBytes, 2048)
        XCTAssertEqual(config.maxHeaderBytes, 4096)
        XCTAssertEqual(config.headerTimeoutSeconds, 2.5)
        XCTAssertEqual(config.idleTimeoutSeconds, 30)
        XCTAssertEqual(config.ioThreads, 2)
        XCTAssertTrue(config.reusePort)
        XCTAssertEqual(config.maxConnections, 500)
        XCTAssertEqual(config.drainTimeoutSeconds, 12.5)
        XCTAssertEqual(config.drainIdleSeconds, 0.5)
        XCTAssertEqual(config.pluginLimits, PluginLimits(maxPageSize: 500, maxAvailabilityDays: 62, maxTeamAvailabilityMembers: 20))
        XCTAssertEqual(config.maxQueryParameters, 50)
        XCTAssertEqual(config.apiKeyPrefix, "acme_")
        XCTAssertEqual(config.keyCacheSeconds, 15)
    }

    func testResourcesAbsentMeansDefaultsButAnEmptyMappingServesNothing() throws {
        XCTAssertEqual(try parse("listen:\n  port: 4000\n").resources, Config.defaultResources)
        XCTAssertEqual(try parse("resources:\n").resources, Config.defaultResources)
        XCTAssertEqual(try parse("resources: {}\n").resources, [:])
    }

    func testListedResourcesReplaceTheDefaults() throws {
        let config = try parse("resources:\n  payments: [GET]\n")
        XCTAssertEqual(config.resources, ["payments": ResourceConfig(methods: ["GET"], line: 2)])
    }

    func testKeysWithoutValuesKeepTheDefaults() throws {
        let config = try parse("listen:\n  port:\ndatabase:\n  url: ''\nplugins:\n  directory: \"\"\n  load: []\nlimits:\n")
        XCTAssertEqual(config.port, 3002)
        XCTAssertNil(config.databaseURL)
        XCTAssertNil(config.pluginDirectory)
        XCTAssertEqual(config.pluginNames, [])
    }

    func testRelativePathsResolveAgainstTheFilesFolder() throws {
        let config = try ConfigLoader.parse(yaml: "database:\n  data_dir: ./state/../data//pg\nplugins:\n  directory: ../lib\n",
                                            file: "deploy/config.yaml", baseDirectory: "/opt/calapi/deploy", environment: [:])
        XCTAssertEqual(config.dataDirectory, "/opt/calapi/deploy/data/pg")
        XCTAssertEqual(config.pluginDirectory, "/opt/calapi/lib")
    }

    func testPluginFilesLoadAfterTheFamiliesFromPathsRelativeToTheFile() throws {
        let config = try ConfigLoader.parse(yaml: "plugins:\n  load: [Users]\n  files: [../ext/libSummary.so, /opt/p/libRatings.so]\n",
                                            file: "deploy/config.yaml", baseDirectory: "/opt/calapi/deploy", environment: [:])
        XCTAssertEqual(config.pluginFiles, ["/opt/calapi/ext/libSummary.so", "/opt/p/libRatings.so"])
        XCTAssertEqual(config.pluginSources, [.family("Users"), .file("/opt/calapi/ext/libSummary.so"), .file("/opt/p/libRatings.so")])
    }

    func testEmptyAPIKeyPrefixMeansCal() throws {
        XCTAssertEqual(try parse("auth:\n  api_key_prefix: ''\n").apiKeyPrefix, "cal_")
    }

    func testAnchorsAndAliasesAreFollowed() throws {
        let config = try parse("resources:\n  users: &rw [GET, POST]\n  teams: *rw\n")
        XCTAssertEqual(config.resources["teams"]?.methods, ["GET", "POST"])
    }

    func testLoadReadsTheFileAndResolvesAgainstItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.yaml").path
        try "listen:\n  port: 9000\ndatabase:\n  data_dir: data\n".write(toFile: file, atomically: true, encoding: .utf8)

        let config = try ConfigLoader.load(path: file, environment: [:])
        XCTAssertEqual(config.port, 9000)
        XCTAssertEqual(config.dataDirectory, folder.path + "/data")
        XCTAssertEqual(config.sourcePath, file)
    }

    func testLoadWithARelativePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("etc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "plugins:\n  directory: ../plugins\n".write(toFile: folder.path + "/etc/calapi.yaml", atomically: true, encoding: .utf8)
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        let config = try ConfigLoader.load(path: "etc/calapi.yaml", environment: [:])
        XCTAssertEqual(config.pluginDirectory, ConfigPath.resolve("plugins", against: FileManager.default.currentDirectoryPath))
        XCTAssertEqual(config.dataDirectory, ConfigPath.resolve("etc/.calapi", against: FileManager.default.currentDirectoryPath))
        XCTAssertEqual(config.sourcePath, "etc/calapi.yaml")
    }

    func testPathResolution() {
        XCTAssertEqual(ConfigPath.resolve("a/./b/../c", against: "/x/y"), "/x/y/a/c")
        XCTAssertEqual(ConfigPath.resolve("/abs//dir/", against: "/x"), "/abs/dir")
        XCTAssertEqual(ConfigPath.resolve("../../..", against: "/x"), "/")
        XCTAssertEqual(ConfigPath.directory(of: "/etc/calapi/config.yaml"), "/etc/calapi")
    }
}
