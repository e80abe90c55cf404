import CLibPQ
import Foundation

/// A minimal libpq session for tests: runs SQL text (several statements allowed) and returns the rows of
/// the last statement as text. Tests use it instead of the production connection type.
final class TestSQL {
    /// A failed connection or statement, with libpq's message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let connection: OpaquePointer

    /// Connects to a libpq connection URI.
    init(url: String) throws {
        guard let connection = PQconnectdb(url) else {
            throw Failure(description: "PQconnectdb returned nothing")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw Failure(description: message)
        }
        self.connection = connection
    }

    deinit {
        PQfinish(connection)
    }

    /// Runs SQL text; throws libpq's message on error. Usable as a `SQLRunner`.
    @discardableResult
    func run(_ sql: String) throws -> [[String?]] {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK:
            return (0..<PQntuples(result)).map { row in
                (0..<PQnfields(result)).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        default:
            throw Failure(description: String(cString: PQerrorMessage(connection)))
        }
    }

    /// The first column of the first row, nil when there is none or it is NULL.
    func value(_ sql: String) throws -> String? {
        try run(sql).first?.first ?? nil
    }

    /// The first column of every row (NULLs left out).
    func column(_ sql: String) throws -> [String] {
        try run(sql).compactMap { $0.first ?? nil }
    }

    /// A fresh folder under the system's temporary folder, for a test cluster.
    static func temporaryDirectory(_ prefix: String) throws -> String {
        let path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
