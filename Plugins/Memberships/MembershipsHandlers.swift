import CalapiPluginAPI
import PluginSDK

/// Handlers of the Memberships plugin (Cal.com v1 §4). Each returns CALAPI_OK once it answered,
/// and CALAPI_FAIL only for database failures the host should report.
enum MembershipsHandlers {
    /// `GET /memberships`: a non-admin sees only their own memberships and may not filter; a
    /// system admin sees all, filtered by `userId` and/or `teamId` (each once or repeated).
    static func list(_ request: Request) -> Int32 {
        var users: Param = .null
        var teams: Param = .null
        if request.isAdmin {
            if request.hasQueryValue("userId") {
                guard let ids = request.lenientIntList("userId") else { return CALAPI_OK }
                let single = request.query["userId"].kind == .string
                users = jsonArray(single && ids == [0] ? [request.userId] : ids)
            }
            if request.hasQueryValue("teamId") {
                guard let ids = request.lenientIntList("teamId") else { return CALAPI_OK }
                teams = jsonArray(ids)
            }
        } else {
            if request.hasQueryValue("userId") || request.hasQueryValue("teamId") { return request.error(403, "ADMIN required") }
            users = jsonArray([request.userId])
        }
        let statement = includesTeam(request) ? MembershipsStatements.listWithTeam : MembershipsStatements.list
        return request.respondWithList("memberships", statement, [users, teams])
    }

    /// `POST /memberships`, with the rules Cal.com intended for non-admins (its defaults made
    /// every non-admin request fail): no `accepted`, the caller must be an OWNER or ADMIN of the
    /// team, and only an OWNER may add an OWNER.
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        guard let teamId = body["teamId"].int, let userId = body["userId"].int else { return CALAPI_FAIL }
        do {
            if !request.isAdmin {
                if body["accepted"].isPresent { return request.error(403, "ADMIN needed for `accepted`") }
                guard let role = try callerRole(request, teamId), role.managesTeam else {
                    return request.error(403, "You can't add members to this team")
                }
                if body["role"].string == MembershipRole.owner.rawValue && role != .owner { return request.error(403, "Forbidden") }
            }
            let targets = try request.run(MembershipsStatements.targets, .int(teamId), .int(userId))
            if targets.bool(0, 0) != true { return request.error(400, "Bad request: no team with id \(teamId)") }
            if targets.bool(0, 1) != true { return request.error(400, "Bad request: no user with id \(userId)") }
            let rows = try request.run(MembershipsStatements.insert, body.json)
            request.json.envelope("membership", rows.text(0, 0), message: "Membership created successfully")
            return CALAPI_OK
        } catch DatabaseFailure.uniqueViolation {
            return request.error(400, "User with id \(userId) is already a member of team with id \(teamId)")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `[id]` middleware, before validation and method handlers: the id must parse; a system
    /// admin passes; anyone else needs a membership of the id's team (any role), else 403.
    static func authorizeMembership(_ request: Request) -> Int32 {
        if request.hasQueryValue("teamId"), request.lenientIntList("teamId") == nil { return CALAPI_OK }
        guard let (_, teamId) = membershipId(request), !request.isAdmin else { return CALAPI_OK }
        do {
            if try request.membershipRole(user: request.userId, team: teamId) == nil { return request.error(403, "Forbidden") }
            return CALAPI_OK
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `GET /memberships/{userId}_{teamId}`.
    static func get(_ request: Request) -> Int32 {
        guard let (userId, teamId) = membershipId(request) else { return CALAPI_OK }
        let statement = includesTeam(request) ? MembershipsStatements.findWithTeam : MembershipsStatements.find
        guard let rows = try? request.run(statement, .int(userId), .int(teamId), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return request.error(404, "Membership not found") }
        request.json.envelope("membership", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /memberships/{userId}_{teamId}`: for non-admins, only the invited user may set
    /// `accepted` or `disableImpersonation` (whether the team's admins may impersonate them);
    /// changing `role` takes an OWNER or ADMIN of the team, and an OWNER to grant or take away OWNER.
    static func update(_ request: Request) -> Int32 {
        guard let (userId, teamId) = membershipId(request) else { return CALAPI_OK }
        let body = request.body
        do {
            if !request.isAdmin {
                if body["accepted"].isPresent && userId != request.userId {
                    return request.error(403, "Only the invited user can accept the invite")
                }
                if body["disableImpersonation"].isPresent && userId != request.userId {
                    return request.error(403, "Forbidden")
                }
                if body["role"].isPresent {
                    guard let role = try callerRole(request, teamId), role.managesTeam else { return request.error(403, "Forbidden") }
                    let target = try request.membershipRole(user: userId, team: teamId)
                    let touchesOwner = body["role"].string == MembershipRole.owner.rawValue || target == MembershipRole.owner.rawValue
                    if touchesOwner && role != .owner { return request.error(403, "Forbidden") }
                }
            }
            let rows = try request.run(MembershipsStatements.update, .int(userId), .int(teamId), body.json, request.callerScope)
            guard rows.count == 1 else { return request.error(404, "Membership not found") }
            request.json.envelope("membership", rows.text(0, 0))
            return CALAPI_OK
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `DELETE /memberships/{userId}_{teamId}`: for non-admins, one's own membership, or one of a
    /// strictly lower role (OWNER > ADMIN > MEMBER).
    static func delete(_ request: Request) -> Int32 {
        guard let (userId, teamId) = membershipId(request) else { return CALAPI_OK }
        do {
            if !request.isAdmin && userId != request.userId {
                guard let target = try request.membershipRole(user: userId, team: teamId) else {
                    return request.error(404, "Membership not found")
                }
                guard let caller = try request.membershipRole(user: request.userId, team: teamId) else {
                    return request.error(403, "You are not a member of the team")
                }
                guard let targetRole = MembershipRole(rawValue: target), let callerRole = MembershipRole(rawValue: caller) else {
                    return request.error(400, "Invalid role")
                }
                if targetRole.rank <= callerRole.rank {
                    return request.error(403, "You don't have the appropriate role to delete this membership")
                }
            }
            let rows = try request.run(MembershipsStatements.delete, .int(userId), .int(teamId), request.callerScope)
            guard rows.affected == 1 else { return request.error(404, "Membership not found") }
            return request.json.message("Membership with id: \(request.pathParameter("id")) deleted successfully")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `{userId}_{teamId}` path id, with Cal.com's messages (note the trailing space of the
    /// second); answers 400 and returns nil when it does not parse.
    private static func membershipId(_ request: Request) -> (Int64, Int64)? {
        guard let ids = request.compoundIntegerParameter("id", messages: ["userId is not a number", "teamId is not a number "]) else {
            return nil
        }
        return (ids[0], ids[1])
    }

    /// The caller's role in `teamId`, nil without a membership (or with a label this code does not know).
    private static func callerRole(_ request: Request, _ teamId: Int64) throws -> MembershipRole? {
        try request.membershipRole(user: request.userId, team: teamId).flatMap(MembershipRole.init(rawValue:))
    }

    /// `include=team`, exactly (Cal.com compared the raw query value).
    private static func includesTeam(_ request: Request) -> Bool { request.query["include"].string == "team" }

    private static func jsonArray(_ ids: [Int64]) -> Param { .text("[" + ids.map(String.init).joined(separator: ",") + "]") }
}
