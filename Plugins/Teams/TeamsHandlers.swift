import Glibc
import PluginSDK

/// Handlers of the Teams plugin (Cal.com v1 §3).
enum TeamsHandlers {
    static let notFound = HTTPError.notFound("Team not found")
    private static let slugTaken = HTTPError(409, "Team slug already exists")
    private static let foreignParent = HTTPError.unauthorized("Unauthorized: Invalid parent id. You can only use parent id of your own teams.")
    /// Client-caused write failures as 4xx with a clear message; anything else is the host's to report.
    private static let writeFailures: [DatabaseFailure: HTTPError] = [
        .uniqueViolation: slugTaken,
        .foreignKeyViolation: .badRequest("Bad request: `createdByOAuthClientId` does not match any OAuth client"),
        .invalidInput: .badRequest("Bad request: a value is out of range for its column"),
    ]

    /// `POST /teams`: the team and its OWNER membership (the caller, or `ownerId` for admins).
    static func create(_ request: Request<TeamsSQL>) throws -> Reply {
        let body = request.body
        let ownerId = body["ownerId"].int ?? 0
        if ownerId != 0 && !request.isAdmin { throw HTTPError.unauthorized("ADMIN required for `ownerId`") }
        let owner = ownerId != 0 ? ownerId : request.userId
        if let slug = body["slug"].string, try request.run(.slugTaken, .text(slug), .null, .bool(false), .null).count > 0 { throw slugTaken }
        if let parent = body["parentId"].int, parent != 0, try !managesTeam(request, parent) { throw foreignParent }
        if owner != request.userId, try request.run(.userExists, .int(owner)).count == 0 {
            throw HTTPError.badRequest("Bad request: no user with id \(owner) for `ownerId`")
        }
        let rows = try request.run(.insert, body.json, .int(owner), .bool(request.isAdmin), on: writeFailures)
        return .object(["team": .json(rows.json(0, 0)), "owner": .json(rows.json(0, 1)),
                        "message": .string("Team created successfully. We also made user with ID=\(owner) the owner of this team.")])
    }

    /// The `[teamId]` middleware, before validation and method handlers: a system admin passes;
    /// anyone else must have a membership of the team (any role, accepted or not), else 404. A
    /// query the strict `teamId` schema refuses (any other parameter) is left to validation, which
    /// answers its 400.
    static func authorizeTeam(_ request: Request<TeamsSQL>) throws {
        guard !request.isAdmin, request.query.keys == ["teamId"] else { return }
        if try request.callerMembership(of: request.id(or: notFound)) == nil { throw notFound }
    }

    /// `PATCH /teams/{teamId}`: OWNER or ADMIN members only (system admins included: Cal.com's
    /// check has no bypass); slug conflicts only for a sent slug held by another team.
    static func update(_ request: Request<TeamsSQL>) throws -> Reply {
        let teamId = try request.id(or: notFound)
        let body = request.body
        guard try managesTeam(request, teamId) else { throw HTTPError.unauthorized("Unauthorized: OWNER or ADMIN required") }
        let current = try request.run(.find, .int(teamId), request.callerScope)
        guard current.count == 1 else { throw notFound }
        if let slug = body["slug"].string, try slugHeld(request, slug, by: teamId, parent: current.int(0, 2)) { throw slugTaken }
        if let parent = body["parentId"].int, parent != 0 {
            if parent == teamId { throw HTTPError.badRequest("Bad request: Parent id cannot be the same as the team id.") }
            guard try managesTeam(request, parent) else { throw foreignParent }
        }
        let rows = try request.run(.update, .int(teamId), body.json, .bool(request.isAdmin), .int(request.userId), on: writeFailures)
        guard rows.count == 1 else { throw notFound }
        return .envelope("team", rows.json())
    }

    /// `DELETE /teams/{teamId}`: the team's OWNERs, or system admins. Memberships, team event
    /// types and child teams go with it (foreign keys cascade).
    static func delete(_ request: Request<TeamsSQL>) throws -> Reply {
        let teamId = try request.id(or: notFound)
        if !request.isAdmin, try request.callerMembership(of: teamId)?.role != .owner {
            throw HTTPError.unauthorized("Unauthorized: OWNER or ADMIN role required")
        }
        let referenced = HTTPError(409, "Team with id: \(teamId) cannot be deleted: other records still reference it")
        try request.deleteById(.delete, orElse: notFound, on: [.foreignKeyViolation: referenced])
        return .message("Team with id: \(teamId) deleted successfully")
    }

    /// `PATCH /teams/{teamId}/publish`, as Cal.com's publish procedure runs without team billing:
    /// OWNER or ADMIN members (or system admins) move `metadata.requestedSlug` into `slug`.
    static func publish(_ request: Request<TeamsSQL>) throws -> Reply {
        let teamId = try request.id(or: notFound)
        guard try request.isAdmin || managesTeam(request, teamId) else { throw HTTPError.unauthorized("Unauthorized: OWNER or ADMIN role required") }
        let team = try request.run(.requestedSlug, .int(teamId))
        guard team.count == 1 else { throw notFound }
        guard let slug = team.string(0, 0), !slug.isEmpty else { throw HTTPError.badRequest("Can't publish team without `requestedSlug`") }
        if try slugHeld(request, slug, by: teamId, parent: team.int(0, 1)) { throw slugTaken }
        _ = try request.run(.publish, .int(teamId), request.callerScope, on: writeFailures)
        return .object(["url": .string("\(webAppURL)/settings/teams/\(teamId)/profile"), "message": .string("Team published successfully")])
    }

    /// Cal.com's `WEBAPP_URL`: `NEXT_PUBLIC_WEBAPP_URL`, else its development default.
    private static let webAppURL: String = {
        guard let value = getenv("NEXT_PUBLIC_WEBAPP_URL"), case let url = String(cString: value), !url.isEmpty else {
            return "http://localhost:3000"
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }()

    /// Whether another team with the same parent holds `slug`.
    private static func slugHeld(_ request: Request<TeamsSQL>, _ slug: String, by teamId: Int64, parent: Int64?) throws -> Bool {
        try request.run(.slugTaken, .text(slug), .int(teamId), .bool(true), parent.map { .int($0) } ?? .null).count > 0
    }

    /// Whether the caller is an OWNER or ADMIN member of `teamId`.
    private static func managesTeam(_ request: Request<TeamsSQL>, _ teamId: Int64) throws -> Bool {
        try request.callerMembership(of: teamId)?.managesTeam ?? false
    }
}
