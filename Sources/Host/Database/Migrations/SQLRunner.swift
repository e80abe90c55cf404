/// Runs one SQL text (possibly several statements, no parameters) on one session and returns its rows
/// as text (`nil` = SQL NULL). Throws on any error.
///
/// The migrator keeps session state between calls (the time zone, an advisory lock, a transaction),
/// so every call of one runner must go to the same connection.
typealias SQLRunner = (String) throws -> [[String?]]
