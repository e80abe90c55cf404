/// The operator's bounds on one request's cost (config.yaml `limits:`), as the host hands them out
/// (`host->limit`, ABI 1.1). Each is read once, on first use, after init installed the host table.
public enum Limits {
    /// Rows in one list answer (`limits.max_page_size`).
    public static let maxPageSize = value("max_page_size", fallback: 10_000)
    /// The longest availability period, and the longest booking, in days (`limits.max_availability_days`).
    public static let maxAvailabilityDays = value("max_availability_days", fallback: 400)
    /// Members in one team availability answer (`limits.max_team_availability_members`).
    public static let maxTeamAvailabilityMembers = value("max_team_availability_members", fallback: 100)

    /// The host's value for `limits.<name>`; `fallback` (the documented default) when the host
    /// predates ABI 1.1 or does not know the name.
    static func value(_ name: String, fallback: Int64) -> Int64 {
        let table = UnsafeRawPointer(PluginHost.table!)
        let offset = MemoryLayout<calapi_host_v1>.offset(of: \calapi_host_v1.limit)!
        typealias LimitFunction = @convention(c) (calapi_str) -> Int64
        guard Int(table.load(as: UInt32.self)) >= offset + MemoryLayout<LimitFunction>.size else { return fallback }
        let limit = table.load(fromByteOffset: offset, as: LimitFunction.self)
        let answer = withCalapiString(name) { limit($0) }
        return answer > 0 ? answer : fallback
    }
}
