import CalapiPluginAPI
import PluginSDK

/// The rows an event type body points at, checked by the same code on `POST` and `PATCH`: a managed
/// parent, a schedule, and hosts with their schedules. A non-admin gets the same answer for a row
/// that does not exist as for one they may not use.
enum EventTypesLinks {
    /// What the event type will belong to once written: its owner (nil for a team's), its team, and
    /// the user a managed child made of it would belong to (Cal.com checks the body's or caller's
    /// user on create, the event type's owner on edit).
    struct Subject {
        let owner: Int64?
        let team: Int64?
        let childOwner: Int64?
    }

    /// Checks `parentId`, `scheduleId` and `hosts` of `body` for `subject`. Returns an answer (or
    /// CALAPI_FAIL), nil when the request may go on.
    static func check(_ request: Request, _ body: JSONNode, for subject: Subject) -> Int32? {
        if let parent = body["parentId"].int, let answered = checkParent(request, parent, childOwner: subject.childOwner) {
            return answered
        }
        if let schedule = body["scheduleId"].int, let answered = checkSchedule(request, schedule, subject) { return answered }
        if body["hosts"].isPresent, let answered = checkHosts(request, body["hosts"], subject) { return answered }
        return nil
    }

    /// Cal.com's checks of a managed child: the parent is a team event type whose team the caller
    /// administers (system admins excepted), and the child's owner is an accepted member of it.
    private static func checkParent(_ request: Request, _ parent: Int64, childOwner: Int64?) -> Int32? {
        guard let found = EventTypesAccess.target(request, parent) else { return CALAPI_FAIL }
        let foreign = "User is not authorized to access the team to which the parent event type belongs."
        guard let found else { return request.isAdmin ? request.error(404, "Parent event type not found.") : request.error(403, foreign) }
        guard let team = found.teamId else {
            if !request.isAdmin && found.userId != request.userId { return request.error(403, foreign) }
            return request.error(400, "This event type is not capable of having children")
        }
        if !request.isAdmin {
            guard let caller = EventTypesAccess.membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
            if caller?.isAcceptedAdminOrOwner != true { return request.error(403, foreign) }
        }
        guard let childOwner else { return request.error(400, "User is not a team member.") }
        guard let member = EventTypesAccess.membership(request, team: team, user: childOwner) else { return CALAPI_FAIL }
        if member?.accepted != true { return request.error(400, "User is not a team member.") }
        return nil
    }

    /// A personal event type's schedule is its owner's; a team's, an accepted member's. Applies to
    /// system admins too: a schedule read through someone else's event type would be published.
    private static func checkSchedule(_ request: Request, _ schedule: Int64, _ subject: Subject) -> Int32? {
        let owner: Param = subject.owner.map { .int($0) } ?? .null
        let team: Param = subject.team.map { .int($0) } ?? .null
        let rows: Rows
        do { rows = try request.run(EventTypesStatements.scheduleAllowed, .int(schedule), owner, team) } catch { return CALAPI_FAIL }
        if rows.count > 0 { return nil }
        return request.error(400, subject.owner == nil ? "scheduleId must be a schedule of a member of the event type's team"
                                                       : "scheduleId must be a schedule of the event type's owner")
    }

    /// A team event type's hosts are members of the team (Cal.com's intended
    /// `ensureOnlyMembersAsHosts`); a personal one's only possible host is its owner; a host's
    /// `scheduleId` is one of that host's schedules.
    private static func checkHosts(_ request: Request, _ hosts: JSONNode, _ subject: Subject) -> Int32? {
        guard hosts.count > 0 else { return nil }
        let users = hosts.elements.map { $0["userId"].int ?? 0 }
        if let team = subject.team {
            var members = false
            if users.allSatisfy(\.isRowKey) && team.isRowKey {
                guard let rows = try? request.run(EventTypesStatements.nonMemberHosts, .int(team), hosts.json) else { return CALAPI_FAIL }
                members = rows.count == 0
            }
            if !members { return request.error(400, "You can only add members of the team to a team event type.") }
        } else if users.contains(where: { $0 != subject.owner }) {
            return request.error(400, "Only the owner can host a personal event type")
        }
        guard let foreign = try? request.run(EventTypesStatements.foreignHostSchedules, hosts.json) else { return CALAPI_FAIL }
        return foreign.count == 0 ? nil : request.error(400, "hosts[].scheduleId must be a schedule of that host")
    }
}
