import CalapiPluginAPI
import PluginSDK

/// Handlers of the Schedules plugin. Each returns CALAPI_OK once it answered (a body or an error),
/// and CALAPI_FAIL only for a database failure the host should report.
enum SchedulesHandlers {
    /// `GET /schedules?userId=` is for admins, refused before the query is parsed (as Cal.com does).
    static func authorizeList(_ request: Request) -> Int32 {
        if !request.isAdmin && request.query["userId"].isPresent {
            request.error(401, "Unauthorized: Only admins can query other users")
        }
        return CALAPI_OK
    }

    /// `GET /schedules`: the caller's own, or all (optionally of some users) for an admin.
    static func list(_ request: Request) -> Int32 {
        request.respondWithList("schedules", SchedulesStatements.list, [request.callerScope, request.query["userId"].json])
    }

    /// `POST /schedules`: for the caller, or for `userId` when an admin sends it.
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        let requested = body["userId"].truthyInt
        if requested != nil && !request.isAdmin { return request.error(403, "ADMIN required for `userId`") }
        let owner = requested ?? request.userId
        do {
            let created = try request.run(SchedulesStatements.insert, body.json, .int(owner))
            guard let id = created.int(0, 0) else { return CALAPI_FAIL }
            let rows = try request.run(SchedulesStatements.find, .int(id), .null)
            guard rows.count == 1 else { return CALAPI_FAIL }
            request.json.envelope("schedule", rows.text(0, 0), message: "Schedule created successfully")
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(400, "Bad request: user with id: \(owner) does not exist")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `[id]` middleware: a non-admin must own the schedule (403 otherwise), checked before the
    /// body. The handlers' statements apply the same owner condition.
    static func authorizeTarget(_ request: Request) -> Int32 {
        if request.isAdmin { return CALAPI_OK }
        guard let id = request.pathId() else { return request.error(403, "Forbidden") }
        guard let rows = try? request.run(SchedulesStatements.owned, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        if rows.count == 0 { request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    /// `GET /schedules/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(SchedulesStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request, id) }
        request.json.envelope("schedule", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /schedules/{id}`: only an admin may move a schedule to another user.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        let body = request.body
        if !request.isAdmin && body["userId"].truthyInt != nil {
            return request.error(403, "Non admin cannot change the owner of a schedule")
        }
        do {
            let rows = try request.run(SchedulesStatements.update, .int(id), body.json, request.callerScope)
            guard rows.count == 1 else { return notFound(request, id) }
            request.json.envelope("schedule", rows.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(400, "Bad request: user with id: \(body["userId"].int ?? 0) does not exist")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `DELETE /schedules/{id}`: also clears `defaultScheduleId` of users pointing to it.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(SchedulesStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.int(0, 0) == 1 else { return notFound(request, id) }
        request.json.message("Schedule with id: \(id) deleted successfully")
        return CALAPI_OK
    }

    private static func notFound(_ request: Request, _ id: Int64) -> Int32 {
        request.error(404, "Schedule with id: \(id) not found")
    }
}
