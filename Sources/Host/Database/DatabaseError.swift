/// A failed database call, classified so that callers can answer without reading SQLSTATE codes.
///
/// `unavailable` means the connection could not be made or was lost; the connection that threw it
/// reconnects on its next use. Any transaction that was open on it is gone.
struct DatabaseError: Error, CustomStringConvertible {
    enum Kind {
        /// The server cannot be reached, refused the connection or went away (SQLSTATE 08xxx, 57P01–57P03).
        case unavailable
        /// 23505.
        case uniqueViolation
        /// 23503.
        case foreignKeyViolation
        /// 23502.
        case notNullViolation
        /// 23514.
        case checkViolation
        /// A value PostgreSQL could not accept for its type (SQLSTATE class 22, "data exception").
        case invalidInput
        /// The statement was stopped (57014): it ran past `statement_timeout`, or calapi cancelled it
        /// because its client went away.
        case cancelled
        /// Anything else: a bug in a statement, a permission problem, a server-side failure.
        case other

        /// The kind of an error reported with `sqlState`.
        init(sqlState: String) {
            switch sqlState {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            case "23502": self = .notNullViolation
            case "23514": self = .checkViolation
            case "57014": self = .cancelled
            case "57P01", "57P02", "57P03": self = .unavailable
            default:
                if sqlState.hasPrefix("08") {
                    self = .unavailable
                } else if sqlState.hasPrefix("22") {
                    self = .invalidInput
                } else {
                    self = .other
                }
            }
        }
    }

    var kind: Kind
    /// The five-character SQLSTATE; for failures detected by libpq itself, the matching class 08 code.
    var sqlState: String
    /// PostgreSQL's primary message (or libpq's), without the "ERROR:" prefix. Never contains the password.
    var message: String
    /// The constraint that was violated, when PostgreSQL names one.
    var constraint: String?

    var description: String {
        "database error \(sqlState): \(message)" + (constraint.map { " (constraint \($0))" } ?? "")
    }
}

extension DatabaseError {
    /// An error whose kind follows from its SQLSTATE.
    init(sqlState: String, message: String, constraint: String? = nil) {
        self.init(kind: Kind(sqlState: sqlState), sqlState: sqlState, message: message, constraint: constraint)
    }

    /// The first line of a libpq message, which says what happened (the following lines are hints).
    static func firstLine(of text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "out of memory" }
        var line = String(cString: text).prefix { $0 != "\n" }
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return String(line)
    }
}
