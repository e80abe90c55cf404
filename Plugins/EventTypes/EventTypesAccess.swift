#if canImport(Glibc)
import Glibc
#endif
import CalapiPluginAPI
import PluginSDK

/// The lookups behind Cal.com's event-type permission checks. Each returns nil when the database
/// failed (the handler then returns CALAPI_FAIL).
enum EventTypesAccess {
    /// Where `link` points: Cal.com's `NEXT_PUBLIC_WEBSITE_URL`, read once at load.
    static let website: String = {
        guard let value = getenv("NEXT_PUBLIC_WEBSITE_URL"), value.pointee != 0 else { return "https://cal.com" }
        var text = String(cString: value)
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }()

    /// An event type's owner, team, managed parent and that parent's team.
    struct Target {
        let userId: Int64?
        let teamId: Int64?
        let parentId: Int64?
        let parentTeamId: Int64?
    }

    /// The event type `id`; `.some(nil)` when it does not exist (or cannot: an id beyond `integer`).
    static func target(_ request: Request, _ id: Int64) -> Target?? {
        guard id.isRowKey else { return .some(nil) }
        guard let rows = try? request.run(EventTypesStatements.target, .int(id)) else { return nil }
        guard rows.count == 1 else { return .some(nil) }
        return Target(userId: rows.int(0, 0), teamId: rows.int(0, 1), parentId: rows.int(0, 2), parentTeamId: rows.int(0, 3))
    }

    /// A user's membership of a team: role (`MEMBER`, `ADMIN`, `OWNER`) and whether it was accepted.
    struct Membership {
        let role: String
        let accepted: Bool

        var isAdminOrOwner: Bool { role == "ADMIN" || role == "OWNER" }
        var isAcceptedAdminOrOwner: Bool { accepted && isAdminOrOwner }
    }

    /// `.some(nil)` when the user is not in the team at all.
    static func membership(_ request: Request, team: Int64, user: Int64) -> Membership?? {
        guard team.isRowKey, user.isRowKey else { return .some(nil) }
        guard let rows = try? request.run(EventTypesStatements.membership, .int(team), .int(user)) else { return nil }
        guard rows.count == 1 else { return .some(nil) }
        return Membership(role: rows.string(0, 0) ?? "", accepted: rows.bool(0, 1) ?? false)
    }

    /// Cal.com's `checkTeamEventEditPermission`: an accepted ADMIN or OWNER of `team`, else 403.
    /// Returns CALAPI_OK or CALAPI_FAIL once it answered, nil when the caller may go on.
    static func requireTeamEditor(_ request: Request, team: Int64) -> Int32? {
        guard let membership = membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
        if membership?.isAcceptedAdminOrOwner == true { return nil }
        return request.error(403, "No permission to operate on event-type for this team")
    }

    /// Writes `hosts` for the event type (after its old hosts were removed, for an update); every
    /// host is fixed when the body's `schedulingType` is `COLLECTIVE`.
    static func writeHosts(_ request: Request, eventType id: Int64, hosts: JSONNode) throws {
        guard hosts.count > 0 else { return }
        let collective = request.body["schedulingType"].string == "COLLECTIVE"
        _ = try request.run(EventTypesStatements.insertHosts, .int(id), hosts.json, .bool(collective))
    }

    /// An event type the caller may not reach, or that does not exist: 404 for system admins; 403
    /// `Forbidden` for everyone else, so that nobody learns whether an id they cannot use exists.
    static func unreachable(_ request: Request) -> Int32 {
        request.isAdmin ? request.error(404, "Event type not found") : request.error(403, "Forbidden")
    }

    /// Client-caused write failures as 400s; anything else is the host's to report.
    static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        switch failure {
        case .uniqueViolation: return request.error(400, "An event type with this slug already exists")
        case .foreignKeyViolation:
            return request.error(400, "A referenced record does not exist (userId, teamId, parentId, scheduleId or hosts)")
        case .invalidInput: return request.error(400, "Invalid value in the request body")
        default: return CALAPI_FAIL
        }
    }
}
