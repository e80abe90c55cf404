/// `calapi db-role-sql [--role NAME] [--config FILE]`: prints the SQL that creates the restricted
/// role `calapi serve` should connect as on an existing Cal.com database (`DatabaseRole.script`), for
/// the owner of the tables to run. Connects to nothing; the schema is the `?schema=` of
/// `DATABASE_URL` when set, else `public`.
enum DBRoleSQLCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config", "role"])
        guard options.words.isEmpty else { throw CLI.UsageError(message: "db-role-sql takes no words, only --role NAME and --config FILE") }
        let config = try CLI.loadConfig(options)
        let schema = config.databaseURL.flatMap { PGConnectionString($0).schema }
        let role: DatabaseRole
        do {
            role = try DatabaseRole(name: options.value("role") ?? DatabaseRole.defaultName, schema: schema)
        } catch let error as DatabaseRole.InvalidName {
            throw CLI.UsageError(message: "--role: \(error.description)")
        }
        print(role.script, terminator: "")
        return 0
    }
}
