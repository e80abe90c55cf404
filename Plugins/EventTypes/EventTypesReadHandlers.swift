import PluginSDK

/// `GET /event-types`, `GET /teams/{teamId}/event-types` and `GET /event-types/{id}`.
enum EventTypesReadHandlers {
    /// Own event types; admins may name owners (`userId`) or look a slug up across every owner.
    static func list(_ request: Request<EventTypesSQL>) throws -> Reply {
        let query = request.query
        let slug = query["slug"]
        var owners: Param = .text("[\(request.userId)]")
        if query["userId"].isPresent {
            guard request.isAdmin else { throw HTTPError.unauthorized("ADMIN required") }
            let values = query["userId"].kind == .array ? query["userId"].elements : [query["userId"]]
            let ids = try values.enumerated().map { index, value in
                guard let id = JavaScript.parseInt(value.string ?? "") else {
                    let path = query["userId"].kind == .array ? "userId,\(index)" : "userId"
                    throw HTTPError.badRequest("custom in '\(path)': Not a number")
                }
                return id
            }
            owners = .text("[" + ids.filter(\.isRowKey).map(String.init).joined(separator: ",") + "]")
        } else if request.isAdmin && slug.isPresent {
            owners = .null
        }
        return try request.list("event_types", .list, owners, .node(slug), .text(EventTypesAccess.website))
    }

    /// `GET /teams/{teamId}/event-types`: a system admin sees any team's; a member sees their team's;
    /// anyone else gets an empty list, as Cal.com answers. An id beyond an integer key names no team.
    static func teamList(_ request: Request<EventTypesSQL>) throws -> Reply {
        try request.list("event_types", .teamList, .int(request.id ?? 0), request.callerScope, .text(EventTypesAccess.website))
    }

    /// One event type: admins any; team event types for any member; personal ones for the owner
    /// (the statement's condition). Anyone else gets 403 `Forbidden`, whether it exists or not.
    static func get(_ request: Request<EventTypesSQL>) throws -> Reply {
        let unreachable = EventTypesAccess.unreachable(request)
        return .envelope("event_type", try request.one(.find, .int(request.id(or: unreachable)), request.callerScope,
                                                       .text(EventTypesAccess.website), orElse: unreachable))
    }
}
