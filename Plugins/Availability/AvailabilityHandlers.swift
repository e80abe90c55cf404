import CalapiPluginAPI
import PluginSDK

/// `GET /availability` after Cal.com's `availability/_get.ts`: a user's availability (no ownership
/// check), or with `teamId` every accepted member's, for the team's OWNER/ADMIN or a system admin.
/// The period is at most `limits.max_availability_days` long, and a team answer holds at most
/// `limits.max_team_availability_members` members (more are paged with `take` and `page`).
enum AvailabilityHandlers {
    static func get(_ request: Request) -> Int32 {
        let query = request.query
        let teamId = query["teamId"].int
        if teamId == nil && query["userId"].int == nil && (query["username"].string ?? "").isEmpty {
            return request.error(400, "Either username or userId or teamId should be filled in.")
        }
        do {
            guard try request.availabilityPeriodFits(AvailabilityStatements.periodTooLong, from: .node(query["dateFrom"]),
                                                     to: .node(query["dateTo"]), "The period from dateFrom to dateTo") else {
                return CALAPI_OK
            }
            if let teamId { return try team(request, teamId) }
            guard let userId = try user(request) else { return request.error(404, "No user found") }
            guard let report = try report(request, userId) else { return request.error(400, "Invalid date range") }
            request.json.raw(report.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.invalidInput {
            return request.error(400, "Invalid date range")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The user the query names: `userId`, else `username`; nil when there is none.
    private static func user(_ request: Request) throws -> Int64? {
        let query = request.query
        if let id = query["userId"].int {
            let rows = try request.run(AvailabilityStatements.userExists, .int(id))
            return rows.count == 1 ? rows.int(0, 0) : nil
        }
        let rows = try request.run(AvailabilityStatements.userByName, .node(query["username"]))
        return rows.count == 1 ? rows.int(0, 0) : nil
    }

    /// One user's availability object for the query's period and event type; nil when the period
    /// ends before it starts.
    private static func report(_ request: Request, _ userId: Int64) throws -> Rows? {
        let query = request.query
        let rows = try request.run(AvailabilityStatements.report, .int(userId), .node(query["eventTypeId"]),
                                   .node(query["dateFrom"]), .node(query["dateTo"]))
        return rows.count == 1 && !rows.isNull(0, 0) ? rows : nil
    }

    /// `[{userId, availability}]` for the team's accepted members (one page of them). The caller's
    /// role is checked first, so that someone who does not manage the team cannot tell whether it exists.
    private static func team(_ request: Request, _ teamId: Int64) throws -> Int32 {
        if !request.isAdmin {
            let role = try request.membershipRole(user: request.userId, team: teamId).flatMap(MembershipRole.init(rawValue:))
            if role?.managesTeam != true { return request.error(403, "Forbidden") }
        }
        guard let window = request.listWindow(maximum: Limits.maxTeamAvailabilityMembers,
                                              limitName: "max_team_availability_members") else { return CALAPI_OK }
        let team = try request.run(AvailabilityStatements.members, [.int(teamId)] + window.params)
        guard team.count == 1 else { return request.error(404, "teamId not found") }
        let members = (team.string(0, 0) ?? "").split(separator: ",").compactMap { Int64($0) }
        guard window.admits(Int64(members.count), request) else { return CALAPI_OK }
        var reports: [(Int64, Rows)] = []
        for member in members {
            guard let report = try report(request, member) else { return request.error(400, "Invalid date range") }
            reports.append((member, report))
        }
        let json = request.json
        json.beginArray()
        for (member, report) in reports {
            json.beginObject()
            json.key("userId")
            json.int(member)
            json.key("availability")
            json.raw(report.text(0, 0))
            json.endObject()
        }
        json.endArray()
        return CALAPI_OK
    }
}
