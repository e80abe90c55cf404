/// The rows of one statement run. Borrowed: valid until the handler returns.
public struct Rows {
    let raw: OpaquePointer
    private var host: calapi_host_v1 { PluginHost.table.pointee }

    public var count: Int { host.rows_count(raw) }
    /// Rows inserted, updated or deleted.
    public var affected: Int64 { host.rows_affected(raw) }

    public func isNull(_ row: Int, _ column: Int) -> Bool { host.rows_is_null(raw, row, column) != 0 }
    /// An integer column's value (nil for NULL); read text columns with `string`.
    public func int(_ row: Int, _ column: Int) -> Int64? { isNull(row, column) ? nil : host.rows_int64(raw, row, column) }
    public func bool(_ row: Int, _ column: Int) -> Bool? { isNull(row, column) ? nil : host.rows_bool(raw, row, column) != 0 }
    public func string(_ row: Int, _ column: Int) -> String? { isNull(row, column) ? nil : host.rows_text(raw, row, column).string }
    /// A column holding JSON text (built by PostgreSQL), without copying, for the response.
    public func json(_ row: Int = 0, _ column: Int = 0) -> JSONText { JSONText(text: host.rows_text(raw, row, column)) }
}

/// Encoded JSON borrowed from a row: valid until the handler returns.
public struct JSONText {
    let text: calapi_str
}

/// Why a statement failed, as the host classified it. A handler also throws `.other` when a
/// statement's answer breaks its own contract (a row it must return is missing): the host answers 500.
public enum DatabaseFailure: Error, Hashable {
    case unavailable, uniqueViolation, foreignKeyViolation, notNullViolation, checkViolation, invalidInput, other

    init(code: Int32) {
        switch code {
        case CALAPI_DB_UNAVAILABLE: self = .unavailable
        case CALAPI_DB_UNIQUE: self = .uniqueViolation
        case CALAPI_DB_FOREIGN_KEY: self = .foreignKeyViolation
        case CALAPI_DB_NOT_NULL: self = .notNullViolation
        case CALAPI_DB_CHECK: self = .checkViolation
        case CALAPI_DB_INVALID_INPUT: self = .invalidInput
        default: self = .other
        }
    }
}
