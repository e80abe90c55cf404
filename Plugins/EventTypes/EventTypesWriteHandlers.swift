import PluginSDK

/// `POST /event-types`, `PATCH` and `DELETE /event-types/{id}`, with Cal.com's checks in its order.
/// They run inside the host's transaction: any answer other than 2xx rolls every write back.
enum EventTypesWriteHandlers {
    static func create(_ request: Request<EventTypesSQL>) throws -> Reply {
        let body = request.body
        var owner = request.userId
        if body["userId"].isPresent {
            guard request.isAdmin else { throw HTTPError.unauthorized("ADMIN required for `userId`") }
            let value = body["userId"]
            guard let id = value.int ?? JavaScript.parseInt(value.string ?? "") else { throw HTTPError.badRequest("custom in 'userId': Not a number") }
            owner = id
        }
        let team = body["teamId"].int
        if let team, !request.isAdmin, try request.callerMembership(of: team)?.managesTeam != true {
            throw HTTPError.unauthorized("Unauthorized: OWNER or ADMIN role required")
        }
        if request.isAdmin && !body["userId"].isPresent && team == nil { throw HTTPError.badRequest("`userId` or `teamId` required") }
        if let team, !request.isAdmin { try EventTypesAccess.requireTeamEditor(request, team: team) }
        try EventTypesLinks.check(request, body, for: EventTypesLinks.Subject(owner: team == nil ? owner : nil, team: team, childOwner: owner))
        let created = try request.run(.insert, body.json, team == nil ? .int(owner) : .null, on: EventTypesAccess.writeFailures)
        guard let id = created.int(0, 0) else { throw DatabaseFailure.other }
        try EventTypesAccess.writeHosts(request, eventType: id, hosts: body["hosts"])
        return .created("event_type", try request.run(.render, .int(id)).json(), message: "Event type created successfully")
    }

    /// The owner, an accepted ADMIN/OWNER of the event type's team, or a system admin; hosts are
    /// replaced only when the body has `hosts`.
    static func update(_ request: Request<EventTypesSQL>) throws -> Reply {
        let unreachable = EventTypesAccess.unreachable(request)
        let id = try request.id(or: unreachable)
        guard let target = try EventTypesAccess.target(request, id) else { throw unreachable }
        if !request.isAdmin && target.userId != request.userId {
            guard let team = target.teamId, try request.callerMembership(of: team)?.isAcceptedManager == true else { throw HTTPError.forbidden }
        }
        let body = request.body
        if let team = body["teamId"].int, !request.isAdmin { try EventTypesAccess.requireTeamEditor(request, team: team) }
        try EventTypesLinks.check(request, body, for: EventTypesLinks.Subject(owner: target.userId, team: body["teamId"].int ?? target.teamId,
                                                                              childOwner: target.userId))
        let hosts = body["hosts"]
        guard try request.run(.update, .int(id), body.json, request.callerScope, on: EventTypesAccess.writeFailures).count == 1 else {
            throw unreachable
        }
        if hosts.isPresent {
            _ = try request.run(.deleteHosts, .int(id))
            try EventTypesAccess.writeHosts(request, eventType: id, hosts: hosts)
        }
        return .envelope("event_type", try request.run(.render, .int(id)).json())
    }

    /// Admins any; team event types by an accepted ADMIN/OWNER; managed children by an accepted
    /// ADMIN/OWNER of the parent's team; personal ones by their owner.
    static func delete(_ request: Request<EventTypesSQL>) throws -> Reply {
        let unreachable = EventTypesAccess.unreachable(request)
        let id = try request.id(or: unreachable)
        guard let target = try EventTypesAccess.target(request, id) else { throw unreachable }
        if !request.isAdmin {
            if let team = target.teamId {
                try EventTypesAccess.requireTeamEditor(request, team: team)
            } else if target.parentId != nil {
                guard let parentTeam = target.parentTeamId, try request.callerMembership(of: parentTeam)?.isAcceptedManager == true else {
                    throw HTTPError.forbidden("User is not authorized to access the team to which the parent event type belongs.")
                }
            } else if target.userId != request.userId {
                throw HTTPError.forbidden
            }
        }
        try request.deleteById(.delete, orElse: unreachable)
        return .message("Event Type with id: \(id) deleted successfully")
    }
}
