import PluginSDK

/// Handlers of the Memberships plugin (Cal.com v1 §4).
enum MembershipsHandlers {
    private static let notFound = HTTPError.notFound("Membership not found")

    /// `GET /memberships`: a non-admin sees only their own memberships and may not filter; a
    /// system admin sees all, filtered by `userId` and/or `teamId` (each once or repeated).
    static func list(_ request: Request<MembershipsSQL>) throws -> Reply {
        var users: Param = .null
        var teams: Param = .null
        if request.isAdmin {
            if request.hasQueryValue("userId") {
                let ids = try request.lenientIntList("userId")
                let single = request.query["userId"].kind == .string
                users = jsonArray(single && ids == [0] ? [request.userId] : ids)
            }
            if request.hasQueryValue("teamId") { teams = jsonArray(try request.lenientIntList("teamId")) }
        } else {
            if request.hasQueryValue("userId") || request.hasQueryValue("teamId") { throw HTTPError.forbidden("ADMIN required") }
            users = jsonArray([request.userId])
        }
        return try request.list("memberships", includesTeam(request) ? .listWithTeam : .listPlain, users, teams)
    }

    /// `POST /memberships`, with the rules Cal.com intended for non-admins (its defaults made
    /// every non-admin request fail): no `accepted`, the caller must be an OWNER or ADMIN of the
    /// team, and only an OWNER may add an OWNER.
    static func create(_ request: Request<MembershipsSQL>) throws -> Reply {
        let body = request.body
        let teamId = body["teamId"].int ?? 0
        let userId = body["userId"].int ?? 0
        if !request.isAdmin {
            if body["accepted"].isPresent { throw HTTPError.forbidden("ADMIN needed for `accepted`") }
            guard let caller = try request.callerMembership(of: teamId), caller.managesTeam else {
                throw HTTPError.forbidden("You can't add members to this team")
            }
            if body["role"].string == MembershipRole.owner.rawValue && caller.role != .owner { throw HTTPError.forbidden }
        }
        let targets = try request.run(.targets, .int(teamId), .int(userId))
        if targets.bool(0, 0) != true { throw HTTPError.badRequest("Bad request: no team with id \(teamId)") }
        if targets.bool(0, 1) != true { throw HTTPError.badRequest("Bad request: no user with id \(userId)") }
        let duplicate = HTTPError.badRequest("User with id \(userId) is already a member of team with id \(teamId)")
        return .created("membership", try request.run(.insert, body.json, on: [.uniqueViolation: duplicate]).json(),
                        message: "Membership created successfully")
    }

    /// The `[id]` middleware, before validation and method handlers: the id must parse; a system
    /// admin passes; anyone else needs a membership of the id's team (any role), else 403.
    static func authorizeMembership(_ request: Request<MembershipsSQL>) throws {
        if request.hasQueryValue("teamId") { _ = try request.lenientIntList("teamId") }
        let (_, teamId) = try membershipId(request)
        if !request.isAdmin, try request.callerMembership(of: teamId) == nil { throw HTTPError.forbidden }
    }

    /// `GET /memberships/{userId}_{teamId}`.
    static func get(_ request: Request<MembershipsSQL>) throws -> Reply {
        let (userId, teamId) = try membershipId(request)
        return .envelope("membership", try request.one(includesTeam(request) ? .findWithTeam : .find, .int(userId), .int(teamId),
                                                       request.callerScope, orElse: notFound))
    }

    /// `PATCH /memberships/{userId}_{teamId}`: for non-admins, only the invited user may set
    /// `accepted` or `disableImpersonation` (whether the team's admins may impersonate them);
    /// changing `role` takes an OWNER or ADMIN of the team, and an OWNER to grant or take away OWNER.
    static func update(_ request: Request<MembershipsSQL>) throws -> Reply {
        let (userId, teamId) = try membershipId(request)
        let body = request.body
        if !request.isAdmin {
            if body["accepted"].isPresent && userId != request.userId {
                throw HTTPError.forbidden("Only the invited user can accept the invite")
            }
            if body["disableImpersonation"].isPresent && userId != request.userId { throw HTTPError.forbidden }
            if body["role"].isPresent {
                guard let caller = try request.callerMembership(of: teamId), caller.managesTeam else { throw HTTPError.forbidden }
                let target = try request.membership(user: userId, team: teamId)
                let touchesOwner = body["role"].string == MembershipRole.owner.rawValue || target?.role == .owner
                if touchesOwner && caller.role != .owner { throw HTTPError.forbidden }
            }
        }
        return .envelope("membership", try request.one(.update, .int(userId), .int(teamId), body.json, request.callerScope, orElse: notFound))
    }

    /// `DELETE /memberships/{userId}_{teamId}`: for non-admins, one's own membership, or one of a
    /// strictly lower role (OWNER > ADMIN > MEMBER).
    static func delete(_ request: Request<MembershipsSQL>) throws -> Reply {
        let (userId, teamId) = try membershipId(request)
        if !request.isAdmin && userId != request.userId {
            guard let target = try request.membership(user: userId, team: teamId) else { throw notFound }
            guard let caller = try request.callerMembership(of: teamId) else { throw HTTPError.forbidden("You are not a member of the team") }
            guard let targetRole = target.role, let callerRole = caller.role else { throw HTTPError.badRequest("Invalid role") }
            if targetRole.rank <= callerRole.rank {
                throw HTTPError.forbidden("You don't have the appropriate role to delete this membership")
            }
        }
        guard try request.run(.delete, .int(userId), .int(teamId), request.callerScope).affected == 1 else { throw notFound }
        return .message("Membership with id: \(request.pathParameter("id")) deleted successfully")
    }

    /// The `{userId}_{teamId}` path id, with Cal.com's messages (note the trailing space of the second).
    private static func membershipId(_ request: Request<MembershipsSQL>) throws -> (Int64, Int64) {
        let ids = try request.compoundId(messages: ["userId is not a number", "teamId is not a number "])
        return (ids[0], ids[1])
    }

    /// `include=team`, exactly (Cal.com compared the raw query value).
    private static func includesTeam(_ request: Request<MembershipsSQL>) -> Bool { request.query["include"].string == "team" }

    private static func jsonArray(_ ids: [Int64]) -> Param { .text("[" + ids.map(String.init).joined(separator: ",") + "]") }
}
