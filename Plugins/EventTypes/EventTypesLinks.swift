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

    /// Checks `parentId`, `scheduleId` and `hosts` of `body` for `subject`; throws the answer.
    static func check(_ request: Request<EventTypesSQL>, _ body: JSONNode, for subject: Subject) throws {
        if let parent = body["parentId"].int { try checkParent(request, parent, childOwner: subject.childOwner) }
        if let schedule = body["scheduleId"].int { try checkSchedule(request, schedule, subject) }
        if body["hosts"].isPresent { try checkHosts(request, body["hosts"], subject) }
    }

    /// Cal.com's checks of a managed child: the parent is a team event type whose team the caller
    /// administers (system admins excepted), and the child's owner is an accepted member of it.
    private static func checkParent(_ request: Request<EventTypesSQL>, _ parent: Int64, childOwner: Int64?) throws {
        let foreign = HTTPError.forbidden("User is not authorized to access the team to which the parent event type belongs.")
        guard let found = try EventTypesAccess.target(request, parent) else {
            throw request.isAdmin ? HTTPError.notFound("Parent event type not found.") : foreign
        }
        guard let team = found.teamId else {
            if !request.isAdmin && found.userId != request.userId { throw foreign }
            throw HTTPError.badRequest("This event type is not capable of having children")
        }
        if !request.isAdmin, try request.callerMembership(of: team)?.isAcceptedManager != true { throw foreign }
        guard let childOwner, try request.membership(user: childOwner, team: team)?.accepted == true else {
            throw HTTPError.badRequest("User is not a team member.")
        }
    }

    /// A personal event type's schedule is its owner's; a team's, an accepted member's. Applies to
    /// system admins too: a schedule read through someone else's event type would be published.
    private static func checkSchedule(_ request: Request<EventTypesSQL>, _ schedule: Int64, _ subject: Subject) throws {
        let owner: Param = subject.owner.map { .int($0) } ?? .null
        let team: Param = subject.team.map { .int($0) } ?? .null
        if try request.run(.scheduleAllowed, .int(schedule), owner, team).count > 0 { return }
        throw HTTPError.badRequest(subject.owner == nil ? "scheduleId must be a schedule of a member of the event type's team"
                                                        : "scheduleId must be a schedule of the event type's owner")
    }

    /// A team event type's hosts are members of the team (Cal.com's intended
    /// `ensureOnlyMembersAsHosts`); a personal one's only possible host is its owner; a host's
    /// `scheduleId` is one of that host's schedules.
    private static func checkHosts(_ request: Request<EventTypesSQL>, _ hosts: JSONNode, _ subject: Subject) throws {
        guard hosts.count > 0 else { return }
        let users = hosts.elements.map { $0["userId"].int ?? 0 }
        if let team = subject.team {
            let checkable = users.allSatisfy(\.isRowKey) && team.isRowKey
            if try !checkable || request.run(.nonMemberHosts, .int(team), hosts.json).count > 0 {
                throw HTTPError.badRequest("You can only add members of the team to a team event type.")
            }
        } else if users.contains(where: { $0 != subject.owner }) {
            throw HTTPError.badRequest("Only the owner can host a personal event type")
        }
        if try request.run(.foreignHostSchedules, hosts.json).count > 0 { throw HTTPError.badRequest("hosts[].scheduleId must be a schedule of that host") }
    }
}
