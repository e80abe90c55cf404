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

    /// Throws 400 telling the client to page when the whole list was asked and its `count` rows
    /// (fetched with `limit`) are more than the maximum.
    public func check(_ count: Int64) throws {
        guard isWholeList && count > maximum else { return }
        throw HTTPError.badRequest("This list has more than \(maximum) items (limits.\(limitName)): request it in pages with take and page")
    }
}

extension Request {
    /// The window of the query's `take` and `page` (integers from 1, validated by the route's query
    /// schema: `QuerySchema.pagination`). `defaultTake` pages a list that Cal.com always paged;
    /// nil answers the whole list when `take` is absent (`page` alone is then ignored, as Cal.com did).
    /// Throws 400 naming the limit (`limits.<limitName>`) when `take` is above `maximum`.
    public func listWindow(defaultTake: Int64? = nil, maximum: Int64 = Limits.maxPageSize,
                           limitName: String = "max_page_size") throws -> ListWindow {
        let takeNode = query["take"]
        guard takeNode.isPresent || defaultTake != nil else {
            return ListWindow(limit: maximum + 1, offset: 0, maximum: maximum, isWholeList: true, limitName: limitName)
        }
        // Numbers beyond 64 bits (zod set no maximum) saturate: a `take` above any maximum, a page past every row.
        let take = takeNode.double.map { $0 >= 9.2e18 ? Int64.max : Int64($0) } ?? min(defaultTake ?? 1, maximum)
        guard take <= maximum else {
            throw HTTPError.badRequest("take must not be larger than \(maximum) (limits.\(limitName)): request the list in pages with take and page")
        }
        let page = query["page"].double.map { $0 >= 9.2e18 ? Int64.max : Int64($0) } ?? 1
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: take)
        return ListWindow(limit: take, offset: overflow ? Int64.max : offset, maximum: maximum, isWholeList: false,
                          limitName: limitName)
    }
}
