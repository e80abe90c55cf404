import PluginSDK

/// Handlers of the Schedules plugin.
enum SchedulesHandlers {
    /// `POST /schedules`: for the caller, or for `userId` when an admin sends it.
    static func create(_ request: Request<SchedulesSQL>) throws -> Reply {
        let body = request.body
        let requested = body["userId"].truthyInt
        if requested != nil && !request.isAdmin { throw HTTPError.forbidden("ADMIN required for `userId`") }
        let owner = requested ?? request.userId
        let missingUser = HTTPError.badRequest("Bad request: user with id: \(owner) does not exist")
        guard let id = try request.run(.insert, body.json, .int(owner), on: [.foreignKeyViolation: missingUser]).int(0, 0) else {
            throw DatabaseFailure.other
        }
        let rows = try request.run(.find, .int(id), .null)
        guard rows.count == 1 else { throw DatabaseFailure.other }
        return .created("schedule", rows.json(), message: "Schedule created successfully")
    }

    /// `PATCH /schedules/{id}`: only an admin may move a schedule to another user.
    static func update(_ request: Request<SchedulesSQL>) throws -> Reply {
        let id = try request.id(or: notFound(request))
        let body = request.body
        if !request.isAdmin && body["userId"].truthyInt != nil { throw HTTPError.forbidden("Non admin cannot change the owner of a schedule") }
        let missingUser = HTTPError.badRequest("Bad request: user with id: \(body["userId"].int ?? 0) does not exist")
        let rows = try request.run(.update, .int(id), body.json, request.callerScope, on: [.foreignKeyViolation: missingUser])
        guard rows.count == 1 else { throw notFound(request) }
        return .envelope("schedule", rows.json())
    }

    /// `DELETE /schedules/{id}`: also clears `defaultScheduleId` of users pointing to it.
    static func delete(_ request: Request<SchedulesSQL>) throws -> Reply {
        let id = try request.id(or: notFound(request))
        guard try request.run(.delete, .int(id), request.callerScope).int(0, 0) == 1 else { throw notFound(request) }
        return .message("Schedule with id: \(id) deleted successfully")
    }

    static func notFound(_ request: Request<SchedulesSQL>) -> HTTPError {
        .notFound("Schedule with id: \(request.id ?? 0) not found")
    }
}
