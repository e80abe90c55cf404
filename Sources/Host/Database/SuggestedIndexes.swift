/// Indexes that calapi's statements would use on Cal.com's schema and that Cal.com does not create.
/// Opt-in: `calapi indexes` prints them and creates the missing ones only with `--apply` (with
/// `CREATE INDEX CONCURRENTLY`, which does not block writes); neither `migrate` nor `serve` ever does.
/// What each buys is measured in docs/operations.md ("Performance").
struct SuggestedIndex {
    let name: String
    let table: String
    let columns: [String]
    /// The requests it serves, and how.
    let purpose: String

    static let all = [
        SuggestedIndex(
            name: "calapi_Booking_userId_id_idx", table: "Booking", columns: ["userId", "id"],
            purpose: "GET /bookings of a user, in id order: the page's ids come from the index alone, instead of visiting "
                + "every booking of the user (Booking_userId_idx), each on its own page of the table"),
        SuggestedIndex(
            name: "calapi_HashedLink_eventTypeId_idx", table: "HashedLink", columns: ["eventTypeId"],
            purpose: "every event type answer (its hashedLink list): an index lookup instead of a scan of the whole table"),
    ]

    /// `CREATE INDEX CONCURRENTLY IF NOT EXISTS …`.
    var createSQL: String {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"\(name)\" ON \"\(table)\" (\(list))"
    }

    /// What the database has: a valid index whose leading columns are these (under any name), an
    /// invalid one of this name (left by an interrupted `CREATE INDEX CONCURRENTLY`), or neither.
    enum State: Equatable {
        case present(String)
        case invalid
        case missing
    }

    /// The indexes of `table` in the connection's schema, with their columns in order (plain columns
    /// only), whether they are valid, and whether they are partial.
    static let catalogSQL = """
        SELECT c.relname::text, i.indisvalid, i.indpred IS NOT NULL,
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))
        """

    func state(on connection: PGConnection) throws -> State {
        let rows = try connection.query(SuggestedIndex.catalogSQL, [.text(table)])
        var state = State.missing
        for row in 0..<rows.count {
            let indexName = rows.string(row, 0) ?? ""
            let valid = rows.bool(row, 1) == true, partial = rows.bool(row, 2) == true
            let indexColumns = (rows.string(row, 3) ?? "").split(separator: ",").map(String.init)
            if valid && !partial && indexColumns.starts(with: columns) { return .present(indexName) }
            if indexName == name && !valid { state = .invalid }
        }
        return state
    }
}
