/// Every SQL statement calapi may run at request time: the host's own and those the plugins
/// registered. Filled at start-up, read-only afterwards; a statement's id is its index, and each
/// worker's connection prepares it on first use.
final class StatementCatalog {
    struct Statement {
        let id: Int
        /// "calapi" for the host's statements, else the plugin's name.
        let owner: String
        let name: String
        let sql: String
        let writes: Bool
    }

    private(set) var all: [Statement] = []

    /// Adds a statement and returns its id.
    func add(owner: String, name: String, sql: String, writes: Bool) -> Int {
        let id = all.count
        all.append(Statement(id: id, owner: owner, name: name, sql: sql, writes: writes))
        return id
    }

    subscript(id: Int) -> Statement? { all.indices.contains(id) ? all[id] : nil }
}
