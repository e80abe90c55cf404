/// The statements of a plugin: one enum whose cases are its statements. The SDK registers every
/// case when the plugin loads (a refused one refuses the plugin), so a statement that was never
/// registered cannot exist; a handler names one as `request.run(.find, …)`.
///
/// ```swift
/// enum NotesSQL: StatementSet {
///     case find, insert
///     var statement: Statement {
///         switch self {
///         case .find: return .read(#"SELECT row_to_json(n)::text FROM notes n WHERE n.id = $1::int"#)
///         case .insert: return .write(#"INSERT INTO notes (text) VALUES ($1) RETURNING id"#)
///         }
///     }
/// }
/// ```
public protocol StatementSet: CaseIterable, Hashable {
    /// The SQL of the case. Read once, at load.
    var statement: Statement { get }
}

/// One SQL text with `$n` placeholders and whether it writes. Composed from constants at load,
/// never from request data.
public struct Statement {
    let sql: String
    let writes: Bool

    /// A statement that only reads.
    public static func read(_ sql: String) -> Statement { Statement(sql: sql, writes: false) }
    /// A statement that inserts, updates, deletes or locks.
    public static func write(_ sql: String) -> Statement { Statement(sql: sql, writes: true) }
}

/// The host's id of every case of `S`, filled once at load and read-only afterwards.
final class StatementTable<S: StatementSet> {
    private var ids: [S: calapi_stmt_id] = [:]
    /// Put before each case's name, so that the SDK's own statements never clash with a plugin's.
    private let prefix: String

    init(prefix: String = "") {
        self.prefix = prefix
    }

    /// Registers every case; false when the host refused one (the plugin then fails to load).
    func register(_ registrar: inout Registrar) -> Bool {
        for statement in S.allCases {
            guard let id = registrar.statement(prefix + String(describing: statement), statement.statement) else { return false }
            ids[statement] = id
        }
        return true
    }

    subscript(statement: S) -> calapi_stmt_id { ids[statement] ?? .max }
}
