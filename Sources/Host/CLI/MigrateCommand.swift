/// `calapi migrate`: create Cal.com's tables on an empty database, or check an existing one.
enum MigrateCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config"])
        let config = try CLI.loadConfig(options)
        let database = try DatabaseTarget(config: config)
        defer { database.release() }
        let connection = try database.connect()
        defer { connection.close() }
        let report = try Migrator.migrate(using: connection.sqlRunner)
        print("migrate: \(report.mode)")
        for warning in report.warnings { print("warning: \(warning)") }
        return 0
    }
}
