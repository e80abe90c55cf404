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
        if let parent = body["parentId"].int, let answered = checkParent(request, parent, owner: owner) { return answered }
        if let team {
            if !request.isAdmin, let answered = EventTypesAccess.requireTeamEditor(request, team: team) { return answered }
            if let answered = EventTypesAccess.rejectNonMemberHosts(request, team: team, hosts: body["hosts"]) { return answered }
        }
        return request.answering({ EventTypesAccess.answer(request, $0) }) {
            let created = try request.run(EventTypesStatements.insert, body.json, team == nil ? .int(owner) : .null)
            guard let id = created.int(0, 0) else { return CALAPI_FAIL }
            try EventTypesAccess.writeHosts(request, eventType: id, hosts: body["hosts"])
            let rows = try request.run(EventTypesStatements.render, .int(id))
            request.json.envelope("event_type", rows.text(0, 0), message: "Event type created successfully")
            return CALAPI_OK
        }
    }

    /// Cal.com's checks of a managed child (`parentId`): the parent is a team event type whose
    /// team the caller administers (system admins excepted), and the child's owner is in that team.
    private static func checkParent(_ request: Request, _ parent: Int64, owner: Int64) -> Int32? {
        guard let found = EventTypesAccess.target(request, parent) else { return CALAPI_FAIL }
        guard let found else { return request.error(404, "Parent event type not found.") }
        guard let team = found.teamId else { return request.error(400, "This event type is not capable of having children") }
        if !request.isAdmin {
            guard let caller = EventTypesAccess.membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
            if caller?.isAcceptedAdminOrOwner != true {
                return request.error(403, "User is not authorized to access the team to which the parent event type belongs.")
            }
        }
        guard let member = EventTypesAccess.membership(request, team: team, user: owner) else { return CALAPI_FAIL }
        if member?.accepted != true { return request.error(400, "User is not a team member.") }
        return nil
    }

    /// The owner, an accepted ADMIN/OWNER of the event type's team, or a system admin; hosts are
    /// replaced only when the body has `hosts`.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.rowId("id") else { return missing(request) }
        guard let found = EventTypesAccess.target(request, id) else { return CALAPI_FAIL }
        guard let target = found else { return missing(request) }
        if !request.isAdmin && target.userId != request.userId {
            guard let team = target.teamId else { return request.error(403, "Forbidden") }
            guard let membership = EventTypesAccess.membership(request, team: team, user: request.userId) else { return CALAPI_FAIL }
            if membership?.isAcceptedAdminOrOwner != true { return request.error(403, "Forbidden") }
        }
        let body = request.body
        if let team = body["teamId"].int, !request.isAdmin, let answered = EventTypesAccess.requireTeamEditor(request, team: team) {
            return answered
        }
        let hosts = body["hosts"]
        if hosts.isPresent, let team = body["teamId"].int ?? target.teamId,
           let answered = EventTypesAccess.rejectNonMemberHosts(request, team: team, hosts: hosts) {
            return answered
        }
        return request.answering({ EventTypesAccess.answer(request, $0) }) {
            let updated = try request.run(EventTypesStatements.update, .int(id), body.json)
            guard updated.count == 1 else { return request.error(404, "Event type not found") }
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
        guard let id = request.rowId("id") else { return missing(request) }
        guard let found = EventTypesAccess.target(request, id) else { return CALAPI_FAIL }
        guard let target = found else { return missing(request) }
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
        guard (try? request.run(EventTypesStatements.delete, .int(id))) != nil else { return CALAPI_FAIL }
        request.json.message("Event Type with id: \(id) deleted successfully")
        return CALAPI_OK
    }

    /// A missing event type: 404 for system admins; 403 `Forbidden` for everyone else, as Cal.com's
    /// ownership lookup answered before it could tell.
    private static func missing(_ request: Request) -> Int32 {
        request.isAdmin ? request.error(404, "Event type not found") : request.error(403, "Forbidden")
    }
}
