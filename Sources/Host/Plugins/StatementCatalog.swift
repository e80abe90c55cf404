import Foundation

/// Every statement calapi runs while serving: the host's and the plugins', each known by an id.
final class StatementCatalog {
    struct Statement {
        let id: Int
        /// "calapi" for the host's statements, else the plugin's name.
        let owner: String
        let name: String
        let sql: String
        let writes: Bool
        /// Whether it writes the `users` table, whose rows decide who a key acts for (its user, that
        /// user's role and lock): once such a statement has run, the key cache is emptied (`AuthCache`).
        let changesPrincipals: Bool
    }

    private(set) var all: [Statement] = []

    /// Adds a statement and returns its id.
    func add(owner: String, name: String, sql: String, writes: Bool) -> Int {
        let id = all.count
        all.append(Statement(id: id, owner: owner, name: name, sql: sql, writes: writes,
                             changesPrincipals: writes && StatementCatalog.writesUsers(sql)))
        return id
    }

    subscript(id: Int) -> Statement? { all.indices.contains(id) ? all[id] : nil }

    /// `INSERT INTO`, `UPDATE`, `DELETE FROM` or `MERGE INTO` the `users` table (quoted or not,
    /// schema-qualified or not, `ONLY` or not), anywhere in the statement (a CTE included). Errs on
    /// the side of yes: a false match only empties the key cache once more.
    static func writesUsers(_ sql: String) -> Bool {
        sql.range(of: #"(?i)\b(insert\s+into|update|delete\s+from|merge\s+into)\s+(only\s+)?("?[a-z_][a-z0-9_$]*"?\s*\.\s*)?"?users"?(\s|$|\()"#,
                  options: .regularExpression) != nil
    }
}
