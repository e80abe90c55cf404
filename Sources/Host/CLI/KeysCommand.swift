/// `calapi keys create --user-id N [--expires-at ISO8601] [--note TEXT]`.
enum KeysCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config", "user-id", "expires-at", "note"])
        guard options.words == ["create"] else { throw CLI.UsageError(message: "usage: calapi keys create --user-id N") }
        guard let text = options.value("user-id"), let userId = Int64(text), userId > 0 else {
            throw CLI.UsageError(message: "keys create needs --user-id with a positive number")
        }
        let expiresAt = options.value("expires-at")
        if let expiresAt, !ISO8601.isValid(expiresAt) {
            throw CLI.UsageError(message: "--expires-at must be an ISO 8601 date or date-time, e.g. 2027-01-31 or 2027-01-31T12:00:00Z")
        }
        let config = try CLI.loadConfig(options)
        let database = try DatabaseTarget(config: config)
        defer { database.release() }
        let connection = try database.connect()
        defer { connection.close() }
        _ = try Migrator.migrate(using: connection.sqlRunner)
        print(try APIKeyMinter.mint(userId: userId, expiresAt: expiresAt, note: options.value("note"),
                                    prefix: config.apiKeyPrefix, connection: connection))
        return 0
    }
}

/// The ISO 8601 shapes `--expires-at` accepts.
enum ISO8601 {
    static func isValid(_ text: String) -> Bool {
        let pattern = #"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
