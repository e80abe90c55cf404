import PluginSDK

/// `GET /availability` after Cal.com's `availability/_get.ts`: a user's availability (no ownership
/// check), or with `teamId` every accepted member's, for the team's OWNER/ADMIN or a system admin.
/// The period is at most `limits.max_availability_days` long, and a team answer holds at most
/// `limits.max_team_availability_members` members (more are paged with `take` and `page`).
enum AvailabilityHandlers {
    private static let invalidRange = HTTPError.badRequest("Invalid date range")
    private static let invalidDates: [DatabaseFailure: HTTPError] = [.invalidInput: invalidRange]

    static func get(_ request: Request<AvailabilityStatements>) throws -> Reply {
        let query = request.query
        let teamId = query["teamId"].int
        if teamId == nil && query["userId"].int == nil && (query["username"].string ?? "").isEmpty {
            throw HTTPError.badRequest("Either username or userId or teamId should be filled in.")
        }
        try request.requireAvailabilityPeriod(from: .node(query["dateFrom"]), to: .node(query["dateTo"]), "The period from dateFrom to dateTo",
                                              on: invalidDates)
        if let teamId { return try team(request, teamId) }
        guard let userId = try user(request) else { throw HTTPError.notFound("No user found") }
        return .json(try report(request, userId))
    }

    /// The user the query names: `userId`, else `username`; nil when there is none.
    private static func user(_ request: Request<AvailabilityStatements>) throws -> Int64? {
        let query = request.query
        let rows = try query["userId"].int.map { try request.run(.userExists, .int($0)) } ?? request.run(.userByName, .node(query["username"]))
        return rows.count == 1 ? rows.int(0, 0) : nil
    }

    /// One user's availability object for the query's period and event type; 400 when the period
    /// ends before it starts.
    private static func report(_ request: Request<AvailabilityStatements>, _ userId: Int64) throws -> JSONText {
        let query = request.query
        let rows = try request.run(.report, [.int(userId), .node(query["eventTypeId"]), .node(query["dateFrom"]), .node(query["dateTo"])],
                                   on: invalidDates)
        guard rows.count == 1 && !rows.isNull(0, 0) else { throw invalidRange }
        return rows.json()
    }

    /// `[{userId, availability}]` for the team's accepted members (one page of them). The caller's
    /// role is checked first, so that someone who does not manage the team cannot tell whether it exists.
    private static func team(_ request: Request<AvailabilityStatements>, _ teamId: Int64) throws -> Reply {
        if !request.isAdmin, try request.callerMembership(of: teamId)?.managesTeam != true { throw HTTPError.forbidden }
        let window = try request.listWindow(maximum: Limits.maxTeamAvailabilityMembers, limitName: "max_team_availability_members")
        let team = try request.run(.members, [.int(teamId)] + window.params)
        guard team.count == 1 else { throw HTTPError.notFound("teamId not found") }
        let members = (team.string(0, 0) ?? "").split(separator: ",").compactMap { Int64($0) }
        try window.check(Int64(members.count))
        let reports = try members.map { ($0, try report(request, $0)) }
        return .custom { json in
            json.beginArray()
            for (member, report) in reports { json.object(["userId": .int(member), "availability": .json(report)]) }
            json.endArray()
        }
    }
}
