import Glibc
import CalapiPluginAPI
import PluginSDK

/// Handlers of the Teams plugin (Cal.com v1 §3). Each returns CALAPI_OK once it answered (a body
/// or an error), and CALAPI_FAIL only for database failures the host should report.
enum TeamsHandlers {
    /// `GET /teams`: every team for a system admin, else the teams the caller has a membership of.
    static func list(_ request: Request) -> Int32 {
        request.respondWithList("teams", TeamsStatements.list, [request.isAdmin ? .null : .int(request.userId)])
    }

    /// `POST /teams`: the team and its OWNER membership (the caller, or `ownerId` for admins).
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        let ownerId = body["ownerId"].int ?? 0
        if ownerId != 0 && !request.isAdmin { return request.error(401, "ADMIN required for `ownerId`") }
        let owner = ownerId != 0 ? ownerId : request.userId
        return request.answering({ answer(request, $0) }) {
            if let slug = body["slug"].string,
               try request.run(TeamsStatements.slugTaken, .text(slug), .null, .bool(false), .null).count > 0 {
                return request.error(409, "Team slug already exists")
            }
            if let parent = body["parentId"].int, parent != 0, !(try managesTeam(request, parent)) {
                return request.error(401, "Unauthorized: Invalid parent id. You can only use parent id of your own teams.")
            }
            if owner != request.userId, try request.run(TeamsStatements.userExists, .int(owner)).count == 0 {
                return request.error(400, "Bad request: no user with id \(owner) for `ownerId`")
            }
            let rows = try request.run(TeamsStatements.insert, body.json, .int(owner), .bool(request.isAdmin))
            let json = request.json
            json.beginObject()
            json.key("team")
            json.raw(rows.text(0, 0))
            json.key("owner")
            json.raw(rows.text(0, 1))
            json.key("message")
            json.string("Team created successfully. We also made user with ID=\(owner) the owner of this team.")
            json.endObject()
            return CALAPI_OK
        }
    }

    /// The `[teamId]` middleware, before validation and method handlers: a system admin passes;
    /// anyone else must have a membership of the team (any role, accepted or not), else 404. A
    /// query the strict `teamId` schema refuses (any other parameter) is left to validation, which
    /// answers its 400.
    static func authorizeTeam(_ request: Request) -> Int32 {
        guard !request.isAdmin, request.query.keys == ["teamId"] else { return CALAPI_OK }
        guard let teamId = request.pathId("teamId") else { return notFound(request) }
        do {
            if try request.membershipRole(user: request.userId, team: teamId) == nil { return notFound(request) }
            return CALAPI_OK
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `GET /teams/{teamId}`.
    static func get(_ request: Request) -> Int32 {
        guard let teamId = request.pathId("teamId") else { return notFound(request) }
        guard let rows = try? request.run(TeamsStatements.find, .int(teamId), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("team", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /teams/{teamId}`: OWNER or ADMIN members only (system admins included: Cal.com's
    /// check has no bypass); slug conflicts only for a sent slug held by another team.
    static func update(_ request: Request) -> Int32 {
        guard let teamId = request.pathId("teamId") else { return notFound(request) }
        let body = request.body
        return request.answering({ answer(request, $0) }) {
            guard try managesTeam(request, teamId) else { return request.error(401, "Unauthorized: OWNER or ADMIN required") }
            let current = try request.run(TeamsStatements.find, .int(teamId), request.callerScope)
            guard current.count == 1 else { return notFound(request) }
            if let slug = body["slug"].string {
                let parent: Param = current.int(0, 2).map { .int($0) } ?? .null
                if try request.run(TeamsStatements.slugTaken, .text(slug), .int(teamId), .bool(true), parent).count > 0 {
                    return request.error(409, "Team slug already exists")
                }
            }
            if let parent = body["parentId"].int, parent != 0 {
                if parent == teamId { return request.error(400, "Bad request: Parent id cannot be the same as the team id.") }
                guard try managesTeam(request, parent) else {
                    return request.error(401, "Unauthorized: Invalid parent id. You can only use parent id of your own teams.")
                }
            }
            let rows = try request.run(TeamsStatements.update, .int(teamId), body.json, .bool(request.isAdmin), .int(request.userId))
            guard rows.count == 1 else { return notFound(request) }
            request.json.envelope("team", rows.text(0, 0))
            return CALAPI_OK
        }
    }

    /// `DELETE /teams/{teamId}`: the team's OWNERs, or system admins. Memberships, team event
    /// types and child teams go with it (foreign keys cascade).
    static func delete(_ request: Request) -> Int32 {
        guard let teamId = request.pathId("teamId") else { return notFound(request) }
        do {
            if !request.isAdmin, try request.membershipRole(user: request.userId, team: teamId) != MembershipRole.owner.rawValue {
                return request.error(401, "Unauthorized: OWNER or ADMIN role required")
            }
            let rows = try request.run(TeamsStatements.delete, .int(teamId), request.callerScope)
            guard rows.affected == 1 else { return notFound(request) }
            return request.json.message("Team with id: \(teamId) deleted successfully")
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(409, "Team with id: \(teamId) cannot be deleted: other records still reference it")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `PATCH /teams/{teamId}/publish`, as Cal.com's publish procedure runs without team billing:
    /// OWNER or ADMIN members (or system admins) move `metadata.requestedSlug` into `slug`.
    static func publish(_ request: Request) -> Int32 {
        guard let teamId = request.pathId("teamId") else { return notFound(request) }
        return request.answering({ answer(request, $0) }) {
            guard try request.isAdmin || managesTeam(request, teamId) else {
                return request.error(401, "Unauthorized: OWNER or ADMIN role required")
            }
            let team = try request.run(TeamsStatements.requestedSlug, .int(teamId))
            guard team.count == 1 else { return notFound(request) }
            guard let slug = team.string(0, 0), !slug.isEmpty else {
                return request.error(400, "Can't publish team without `requestedSlug`")
            }
            let parent: Param = team.int(0, 1).map { .int($0) } ?? .null
            if try request.run(TeamsStatements.slugTaken, .text(slug), .int(teamId), .bool(true), parent).count > 0 {
                return request.error(409, "Team slug already exists")
            }
            _ = try request.run(TeamsStatements.publish, .int(teamId), request.callerScope)
            let json = request.json
            json.beginObject()
            json.key("url")
            json.string("\(webAppURL)/settings/teams/\(teamId)/profile")
            json.key("message")
            json.string("Team published successfully")
            json.endObject()
            return CALAPI_OK
        }
    }

    /// Cal.com's `WEBAPP_URL`: `NEXT_PUBLIC_WEBAPP_URL`, else its development default.
    private static let webAppURL: String = {
        guard let value = getenv("NEXT_PUBLIC_WEBAPP_URL"), case let url = String(cString: value), !url.isEmpty else {
            return "http://localhost:3000"
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }()

    private static func notFound(_ request: Request) -> Int32 { request.error(404, "Team not found") }

    /// Whether the caller is an OWNER or ADMIN member of `teamId`.
    private static func managesTeam(_ request: Request, _ teamId: Int64) throws -> Bool {
        guard let role = try request.membershipRole(user: request.userId, team: teamId) else { return false }
        return MembershipRole(rawValue: role)?.managesTeam ?? false
    }

    /// Client-caused write failures as 4xx with a clear message; anything else is the host's to report.
    private static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        switch failure {
        case .uniqueViolation: return request.error(409, "Team slug already exists")
        case .foreignKeyViolation: return request.error(400, "Bad request: `createdByOAuthClientId` does not match any OAuth client")
        case .invalidInput: return request.error(400, "Bad request: a value is out of range for its column")
        default: return CALAPI_FAIL
        }
    }
}
