import CalapiPluginAPI
import PluginSDK

/// `POST /event-types`, `PATCH` and `DELETE /event-types/{id}`, with Cal.com's checks in its order.
/// They run inside the host's transaction: any answer other than 2xx rolls every write back.
enum EventTypesWriteHandlers {
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        var owner = request.userId
        if body["userId"].isPresent {
            guard request.isAdmin else { return request.error(401, "ADMIN required for `userId`") }
            let value = body["userId"]
            guard let id = value.int ?? JavaScript.parseInt(value.string ?? "") else {
                return request.error(400, "custom in 'userId': Not a number")
            }
            owner = id
        }
        let team = body["teamId"].int
        if let team, !request.isAdmin {
            guard let membership = EventTypesAccess.membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
            if membership?.isAdminOrOwner != true { return request.error(401, "Unauthorized: OWNER or ADMIN role required") }
        }
        if request.isAdmin && !body["userId"].isPresent && team == nil {
            return request.error(400, "`userId` or `teamId` required")
        }
        if let team, !request.isAdmin, let answered = EventTypesAccess.requireTeamEditor(request, team: team) { return answered }
        let subject = EventTypesLinks.Subject(owner: team == nil ? owner : nil, team: team, childOwner: owner)
        if let answered = EventTypesLinks.check(request, body, for: subject) { return answered }
        return request.answering({ EventTypesAccess.answer(request, $0) }) {
            let created = try request.run(EventTypesStatements.insert, body.json, team == nil ? .int(owner) : .null)
            guard let id = created.int(0, 0) else { return CALAPI_FAIL }
            try EventTypesAccess.writeHosts(request, eventType: id, hosts: body["hosts"])
            let rows = try request.run(EventTypesStatements.render, .int(id))
            request.json.envelope("event_type", rows.text(0, 0), message: "Event type created successfully")
            return CALAPI_OK
        }
    }

    /// The owner, an accepted ADMIN/OWNER of the event type's team, or a system admin; hosts are
    /// replaced only when the body has `hosts`.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return EventTypesAccess.unreachable(request) }
        guard let found = EventTypesAccess.target(request, id) else { return CALAPI_FAIL }
        guard let target = found else { return EventTypesAccess.unreachable(request) }
        if !request.isAdmin && target.userId != request.userId {
            guard let team = target.teamId else { return request.error(403, "Forbidden") }
            guard let membership = EventTypesAccess.membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
            if membership?.isAcceptedAdminOrOwner != true { return request.error(403, "Forbidden") }
        }
        let body = request.body
        if let team = body["teamId"].int, !request.isAdmin, let answered = EventTypesAccess.requireTeamEditor(request, team: team) {
            return answered
        }
        let subject = EventTypesLinks.Subject(owner: target.userId, team: body["teamId"].int ?? target.teamId, childOwner: target.userId)
        if let answered = EventTypesLinks.check(request, body, for: subject) { return answered }
        let hosts = body["hosts"]
        return request.answering({ EventTypesAccess.answer(request, $0) }) {
            let updated = try request.run(EventTypesStatements.update, .int(id), body.json, request.callerScope)
            guard updated.count == 1 else { return EventTypesAccess.unreachable(request) }
            if hosts.isPresent {
                _ = try request.run(EventTypesStatements.deleteHosts, .int(id))
                try EventTypesAccess.writeHosts(request, eventType: id, hosts: hosts)
            }
            let rows = try request.run(EventTypesStatements.render, .int(id))
            request.json.envelope("event_type", rows.text(0, 0))
            return CALAPI_OK
        }
    }

    /// Admins any; team event types by an accepted ADMIN/OWNER; managed children by an accepted
    /// ADMIN/OWNER of the parent's team; personal ones by their owner.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return EventTypesAccess.unreachable(request) }
        guard let found = EventTypesAccess.target(request, id) else { return CALAPI_FAIL }
        guard let target = found else { return EventTypesAccess.unreachable(request) }
        if !request.isAdmin {
            if let team = target.teamId {
                if let answered = EventTypesAccess.requireTeamEditor(request, team: team) { return answered }
            } else if target.parentId != nil {
                var allowed = false
                if let parentTeam = target.parentTeamId {
                    guard let membership = EventTypesAccess.membership(request, team: parentTeam, user: request.userId) else { return CALAPI_FAIL }
                    allowed = membership?.isAcceptedAdminOrOwner == true
                }
                if !allowed {
                    return request.error(403, "User is not authorized to access the team to which the parent event type belongs.")
                }
            } else if target.userId != request.userId {
                return request.error(403, "Forbidden")
            }
        }
        guard let deleted = try? request.run(EventTypesStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard deleted.affected == 1 else { return EventTypesAccess.unreachable(request) }
        request.json.message("Event Type with id: \(id) deleted successfully")
        return CALAPI_OK
    }
}
