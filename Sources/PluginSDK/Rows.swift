import CalapiPluginAPI

/// The rows of one statement run. Borrowed: valid until the handler returns.
public struct Rows {
    let raw: OpaquePointer

    public var count: Int { PluginHost.table.pointee.rows_count(raw) }
    public var affected: Int64 { PluginHost.table.pointee.rows_affected(raw) }

    public func isNull(_ row: Int, _ column: Int) -> Bool { PluginHost.table.pointee.rows_is_null(raw, row, column) != 0 }
    public func int(_ row: Int, _ column: Int) -> Int64? {
        isNull(row, column) ? nil : PluginHost.table.pointee.rows_int64(raw, row, column)
    }
    public func bool(_ row: Int, _ column: Int) -> Bool? {
        isNull(row, column) ? nil : PluginHost.table.pointee.rows_bool(raw, row, column) != 0
    }
    public func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : PluginHost.table.pointee.rows_text(raw, row, column).string
    }
    /// The value's text without copying, for passing straight to the response writer.
    public func text(_ row: Int, _ column: Int) -> calapi_str { PluginHost.table.pointee.rows_text(raw, row, column) }
}

/// Why a statement failed, as the host classified it.
public enum DatabaseFailure: Error, Equatable {
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

/// A statement registered at init.
public struct Statement {
    let id: calapi_stmt_id
}

extension Statement {
    /// Placeholder for a statement variable before init registers it.
    public static let unset = Statement(id: .max)
}
