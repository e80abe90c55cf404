#if canImport(Glibc)
import Glibc
#endif
import PluginSDK

/// The lookups behind Cal.com's event-type permission checks.
enum EventTypesAccess {
    /// Where `link` points: Cal.com's `NEXT_PUBLIC_WEBSITE_URL`, read once at load.
    static let website: String = {
        guard let value = getenv("NEXT_PUBLIC_WEBSITE_URL"), value.pointee != 0 else { return "https://cal.com" }
        var text = String(cString: value)
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }()

    /// Client-caused write failures as 400s; anything else is the host's to report.
    static let writeFailures: [DatabaseFailure: HTTPError] = [
        .uniqueViolation: .badRequest("An event type with this slug already exists"),
        .foreignKeyViolation: .badRequest("A referenced record does not exist (userId, teamId, parentId, scheduleId or hosts)"),
        .invalidInput: .badRequest("Invalid value in the request body"),
    ]

    /// An event type's owner, team, managed parent and that parent's team.
    struct Target {
        let userId: Int64?
        let teamId: Int64?
        let parentId: Int64?
        let parentTeamId: Int64?
    }

    /// The event type `id`; nil when it does not exist (or cannot: an id beyond `integer`).
    static func target(_ request: Request<EventTypesSQL>, _ id: Int64) throws -> Target? {
        guard id.isRowKey else { return nil }
        let rows = try request.run(.target, .int(id))
        guard rows.count == 1 else { return nil }
        return Target(userId: rows.int(0, 0), teamId: rows.int(0, 1), parentId: rows.int(0, 2), parentTeamId: rows.int(0, 3))
    }

    /// Cal.com's `checkTeamEventEditPermission`: an accepted ADMIN or OWNER of `team`, else 403.
    static func requireTeamEditor(_ request: Request<EventTypesSQL>, team: Int64) throws {
        if try request.callerMembership(of: team)?.isAcceptedManager != true {
            throw HTTPError.forbidden("No permission to operate on event-type for this team")
        }
    }

    /// Writes `hosts` for the event type (after its old hosts were removed, for an update); every
    /// host is fixed when the body's `schedulingType` is `COLLECTIVE`.
    static func writeHosts(_ request: Request<EventTypesSQL>, eventType id: Int64, hosts: JSONNode) throws {
        guard hosts.count > 0 else { return }
        let collective = request.body["schedulingType"].string == "COLLECTIVE"
        _ = try request.run(.insertHosts, .int(id), hosts.json, .bool(collective), on: writeFailures)
    }

    /// An event type the caller may not reach, or that does not exist: 404 for system admins; 403
    /// `Forbidden` for everyone else, so that nobody learns whether an id they cannot use exists.
    static func unreachable(_ request: Request<EventTypesSQL>) -> HTTPError {
        request.isAdmin ? .notFound("Event type not found") : .forbidden
    }
}
