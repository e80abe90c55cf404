import CLibPQ

extension EmbeddedPostgres {
    /// Creates the `calapi` database unless it exists, connecting to the `postgres` database with libpq.
    func createDatabaseIfMissing() throws {
        guard let connection = PQconnectdb(url(database: "postgres") + "?connect_timeout=10") else {
            throw Failure(message: "could not allocate a libpq connection")
        }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw Failure(message: "could not connect to the private PostgreSQL on 127.0.0.1:\(port) (\(Self.errorText(connection))); see \(logFile)")
        }
        let name = Self.roleAndDatabase
        let found = try execute("SELECT 1 FROM pg_database WHERE datname = '\(name)'", on: connection)
        if !found {
            _ = try execute("CREATE DATABASE \(name)", on: connection, tolerating: "42P04")
        }
    }

    /// Runs one statement; true when it returned at least one row. An error whose SQLSTATE is
    /// `tolerating` (a concurrent start's "already exists") counts as success.
    private func execute(_ sql: String, on connection: OpaquePointer, tolerating state: String? = nil) throws -> Bool {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK:
            return PQntuples(result) > 0
        case PGRES_COMMAND_OK:
            return false
        default:
            if let state, let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))), String(cString: code) == state {
                return false
            }
            throw Failure(message: "the private PostgreSQL refused \(sql) (\(Self.errorText(connection)))")
        }
    }

    private static func errorText(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}
