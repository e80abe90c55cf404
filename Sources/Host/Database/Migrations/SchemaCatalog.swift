/// The tables and columns of Cal.com's schema as calapi knows them, read from the DDL of
/// `Migration0001` so the list cannot drift from what `migrate` creates.
enum SchemaCatalog {
    /// Every table of schema.md §3 with its column names, in creation order.
    static let tables: [(name: String, columns: [String])] =
        parseTables(Migration0001.areas.map(\.tables).joined(separator: "\n"))

    /// The tables calapi inserts rows into (schema.md §5): checked for unknown required columns in attach mode.
    static let insertedTables = [
        "users", "UserPassword", "Team", "Membership", "EventType", "Host", "_user_eventtype", "HashedLink",
        "EventTypeCustomInput", "Schedule", "Availability", "SelectedCalendar", "DestinationCalendar",
        "Booking", "Attendee", "BookingReference", "ApiKey",
    ]

    /// Tables that newer Cal.com versions renamed (schema.md §5): either name satisfies the table.
    static let laterNames = ["DomainWideDelegation": "DelegationCredential"]

    /// The column names of a table of §3, empty for any other table.
    static func columns(of table: String) -> [String] {
        tables.first { $0.name == table }?.columns ?? []
    }

    /// Reads `CREATE TABLE "T" (` headers and the `"column" TYPE …` lines below them.
    static func parseTables(_ ddl: String) -> [(name: String, columns: [String])] {
        var result: [(name: String, columns: [String])] = []
        for rawLine in ddl.split(separator: "\n") {
            let line = rawLine.drop { $0 == " " }
            if line.hasPrefix("CREATE TABLE ") {
                result.append((name: firstQuoted(in: line) ?? "", columns: []))
            } else if line.hasPrefix("\""), !result.isEmpty, let column = firstQuoted(in: line) {
                result[result.count - 1].columns.append(column)
            }
        }
        return result
    }

    private static func firstQuoted(in line: Substring) -> String? {
        let parts = line.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[1]) : nil
    }
}
