/// The bounds on one request's cost that plugins enforce (config.yaml `limits:`), handed to them by
/// name through `host->limit` (ABI 1.1). The defaults are argued in docs/security.md, "Bounded requests".
struct PluginLimits: Equatable {
    /// Rows in one list answer: the largest `take`, and the most rows a list without `take` answers.
    var maxPageSize = 10_000
    /// The longest availability period (`dateTo` − `dateFrom`), and the longest booking.
    var maxAvailabilityDays = 400
    /// Members computed in one team availability answer.
    var maxTeamAvailabilityMembers = 100

    /// The value `host->limit` answers for `name`: -1 for a name this host does not know.
    func value(named name: String) -> Int64 {
        switch name {
        case "max_page_size": Int64(maxPageSize)
        case "max_availability_days": Int64(maxAvailabilityDays)
        case "max_team_availability_members": Int64(maxTeamAvailabilityMembers)
        default: -1
        }
    }

    /// The served config's limits, read by `host->limit`. Written on the main thread before the first
    /// plugin loads (`ServedAPI.assemble`), read-only once requests are served.
    static var installed = PluginLimits()
}
