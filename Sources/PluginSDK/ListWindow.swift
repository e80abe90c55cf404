import CalapiPluginAPI

/// The rows one list answer may hold: Cal.com's `take` and `page` (offered by calapi on every list),
/// bounded by a maximum (`limits.max_page_size` unless the list has its own). Without `take` a list
/// answers every row, as Cal.com did, unless there are more than the maximum: then it answers 400
/// and the client pages, rather than receiving a silently cut list.
public struct ListWindow {
    /// LIMIT: `take`, or one row more than the maximum when the whole list was asked (to see that it does not fit).
    public let limit: Int64
    /// OFFSET: `(page - 1) * take`, saturated (a page past every row is empty).
    public let offset: Int64
    /// The most rows one answer holds.
    public let maximum: Int64
    /// No `take` was given: the whole list, or a refusal.
    public let isWholeList: Bool
    /// The config key of the maximum, for messages (`max_page_size`).
    public let limitName: String

    /// LIMIT and OFFSET, for a statement's last two parameters.
    public var params: [Param] { [.int(limit), .int(offset)] }

    /// Whether `count` rows, fetched with `limit`, may be answered. When the whole list was asked and
    /// it is longer than the maximum, answers 400 telling the client to page, and returns false.
    public func admits(_ count: Int64, _ request: Request) -> Bool {
        guard isWholeList && count > maximum else { return true }
        request.error(400, "This list has more than \(maximum) items (limits.\(limitName)): request it in pages with take and page")
        return false
    }
}

extension Request {
    /// The window of the query's `take` and `page` (integers from 1, validated by the route's query
    /// schema: `SchemaFragments.pagination`). `defaultTake` pages a list that Cal.com always paged;
    /// nil answers the whole list when `take` is absent (`page` alone is then ignored, as Cal.com did).
    /// Answers 400 naming the limit (`limits.<limitName>`), and returns nil, when `take` is above `maximum`.
    public func listWindow(defaultTake: Int64? = nil, maximum: Int64 = Limits.maxPageSize,
                           limitName: String = "max_page_size") -> ListWindow? {
        let takeNode = query["take"]
        guard takeNode.isPresent || defaultTake != nil else {
            return ListWindow(limit: maximum + 1, offset: 0, maximum: maximum, isWholeList: true, limitName: limitName)
        }
        // Numbers beyond 64 bits (zod set no maximum) saturate: a `take` above any maximum, a page past every row.
        let take = takeNode.double.map { $0 >= 9.2e18 ? Int64.max : Int64($0) } ?? min(defaultTake ?? 1, maximum)
        guard take <= maximum else {
            error(400, "take must not be larger than \(maximum) (limits.\(limitName)): request the list in pages with take and page")
            return nil
        }
        let page = query["page"].double.map { $0 >= 9.2e18 ? Int64.max : Int64($0) } ?? 1
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: take)
        return ListWindow(limit: take, offset: overflow ? Int64.max : offset, maximum: maximum, isWholeList: false,
                          limitName: limitName)
    }

    /// Answers `{"<key>": [...]}` from a list statement built with `SQLFragments.jsonPage` whose
    /// last two parameters are the window's LIMIT and OFFSET: reads the window (400 for a `take`
    /// above the maximum), runs the statement, refuses a whole list longer than the maximum.
    public func respondWithList(_ key: String, _ statement: Statement, _ params: [Param] = []) -> Int32 {
        guard let window = listWindow() else { return CALAPI_OK }
        guard let rows = try? run(statement, params + window.params) else { return CALAPI_FAIL }
        guard window.admits(rows.int(0, 0) ?? 0, self) else { return CALAPI_OK }
        json.envelope(key, rows.text(0, 1))
        return CALAPI_OK
    }
}
