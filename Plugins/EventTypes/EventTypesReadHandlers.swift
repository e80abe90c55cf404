import CalapiPluginAPI
import PluginSDK

/// `GET /event-types` and `GET /event-types/{id}`.
enum EventTypesReadHandlers {
    /// Own event types; admins may name owners (`userId`) or look a slug up across every owner.
    static func list(_ request: Request) -> Int32 {
        let query = request.query
        let slug = query["slug"]
        var owners: Param = .text("[\(request.userId)]")
        if query["userId"].isPresent {
            guard request.isAdmin else { return request.error(401, "ADMIN required") }
            let values = query["userId"].kind == .array ? query["userId"].elements : [query["userId"]]
            var ids: [Int64] = []
            for (index, value) in values.enumerated() {
                guard let id = JavaScript.parseInt(value.string ?? "") else {
                    let path = query["userId"].kind == .array ? "userId,\(index)" : "userId"
                    return request.error(400, "custom in '\(path)': Not a number")
                }
                ids.append(id)
            }
            owners = .text("[" + ids.filter(\.isRowKey).map(String.init).joined(separator: ",") + "]")
        } else if request.isAdmin && slug.isPresent {
            owners = .null
        }
        return request.respondWithList("event_types", EventTypesStatements.list, [owners, .node(slug), .text(EventTypesAccess.website)])
    }

    /// `GET /teams/{teamId}/event-types`: a system admin sees any team's; a member sees their team's;
    /// anyone else gets an empty list, as Cal.com answers.
    static func teamList(_ request: Request) -> Int32 {
        let team = request.pathId("teamId") ?? 0  // beyond an integer key: no team, so an empty list
        let caller: Param = request.isAdmin ? .null : .int(request.userId)
        return request.respondWithList("event_types", EventTypesStatements.teamList, [.int(team), caller, .text(EventTypesAccess.website)])
    }

    /// One event type: admins any; team event types for any member; personal ones for the owner
    /// (the statement's condition). Anyone else gets 403 `Forbidden`, whether it exists or not.
    static func get(_ request: Request) -> Int32 {
        var found: Rows?
        if let id = request.pathId() {
            guard let rows = try? request.run(EventTypesStatements.find, .int(id), request.callerScope, .text(EventTypesAccess.website)) else {
                return CALAPI_FAIL
            }
            found = rows
        }
        guard let found, found.count == 1 else { return EventTypesAccess.unreachable(request) }
        request.json.envelope("event_type", found.text(0, 0))
        return CALAPI_OK
    }
}
