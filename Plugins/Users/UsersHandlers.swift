import CalapiPluginAPI
import PluginSDK

/// Handlers of the Users plugin. Each returns CALAPI_OK once it answered (a body or an error), and
/// CALAPI_FAIL only when the database failed in a way the host should report (503 or 500).
enum UsersHandlers {
    /// `GET /users`: a non-admin sees only their own row; admins see everyone, paginated (Cal.com's
    /// `take` defaults to 10).
    static func list(_ request: Request) -> Int32 {
        guard let window = request.listWindow(defaultTake: 10) else { return CALAPI_OK }
        let only: Param = request.isAdmin ? .null : .int(request.userId)
        guard let rows = try? request.run(UsersStatements.list, [only, request.query["email"].json] + window.params) else {
            return CALAPI_FAIL
        }
        let json = request.json
        json.beginObject()
        json.key("users")
        json.raw(rows.text(0, 1))
        json.key("total")
        json.int(rows.int(0, 0) ?? 0)
        json.endObject()
        return CALAPI_OK
    }

    /// `POST /users` is for system admins only, checked before the body (as Cal.com does).
    static func authorizeCreate(_ request: Request) -> Int32 {
        if !request.isAdmin { request.error(401, "You are not authorized") }
        return CALAPI_OK
    }

    static func create(_ request: Request) -> Int32 {
        let body = request.body
        if let answered = rejectTakenUsername(request, body["username"], excluding: nil) { return answered }
        return respondWithUser(request) { try request.run(UsersStatements.insert, body.json) }
    }

    /// `GET /users/{userId}`: the caller itself, or anyone for an admin.
    static func get(_ request: Request) -> Int32 {
        guard let id = target(request) else { return CALAPI_OK }
        return respondWithUser(request) { try request.run(UsersStatements.find, .int(id), request.callerScope) }
    }

    /// The `{userId}` check PATCH makes before reading the body: self or admin.
    static func authorizeTarget(_ request: Request) -> Int32 {
        _ = target(request)
        return CALAPI_OK
    }

    /// `PATCH /users/{userId}`: role and a truthy hideBranding are dropped for non-admins; an email
    /// a non-admin changes is no longer verified (see `UsersStatements.update`).
    static func update(_ request: Request) -> Int32 {
        guard let id = target(request) else { return CALAPI_OK }
        let body = request.body
        if let answered = rejectTakenUsername(request, body["username"], excluding: id) { return answered }
        if let schedule = body["defaultScheduleId"].int {
            guard let owned = try? request.run(UsersStatements.scheduleOwned, .int(schedule), .int(id)) else { return CALAPI_FAIL }
            if owned.count == 0 { return request.error(400, "Bad request: Invalid default schedule id") }
        }
        return respondWithUser(request) { try request.run(UsersStatements.update, .int(id), body.json, request.callerScope) }
    }

    /// `DELETE /users/{userId}`.
    static func delete(_ request: Request) -> Int32 {
        guard let id = target(request) else { return CALAPI_OK }
        do {
            let rows = try request.run(UsersStatements.delete, .int(id), request.callerScope)
            guard rows.affected == 1 else { return request.error(404, "User not found") }
            return request.json.message("User with id: \(id) deleted successfully")
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(409, "User with id: \(id) cannot be deleted: other records still reference it")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `{userId}` of the path (Cal.com's lenient `parseInt`, the route's `x-coerce` rule) when
    /// the caller may use it: themself, or anyone for an admin. Otherwise answers 403 (404 for an
    /// admin naming an id no user can have) and returns nil.
    private static func target(_ request: Request) -> Int64? {
        guard let id = request.pathId("userId") else {
            _ = request.isAdmin ? request.error(404, "User not found") : request.error(403, "Forbidden")
            return nil
        }
        return request.requireSelfOrAdmin(id) ? id : nil
    }

    /// `GET /me`: the API key's own user.
    static func me(_ request: Request) -> Int32 {
        respondWithUser(request) { try request.run(UsersStatements.find, .int(request.userId), .int(request.userId)) }
    }

    /// Answers `{"user": …}` from a statement returning the user's JSON, 404 when it found no row,
    /// and a 400 for what the client got wrong.
    private static func respondWithUser(_ request: Request, _ statement: () throws -> Rows) -> Int32 {
        return request.answering({ answer(request, $0) }) {
            let rows = try statement()
            guard rows.count == 1 else { return request.error(404, "User not found") }
            request.json.envelope("user", rows.text(0, 0))
            return CALAPI_OK
        }
    }

    /// Cal.com's username check, reported like its zod issue. Returns CALAPI_OK when it answered.
    private static func rejectTakenUsername(_ request: Request, _ username: JSONNode, excluding id: Int64?) -> Int32? {
        guard let name = username.string, !name.isEmpty else { return nil }
        guard let taken = try? request.run(UsersStatements.usernameTaken, .text(name), id.map { .int($0) } ?? .null) else {
            return CALAPI_FAIL
        }
        return taken.count > 0 ? request.error(400, "custom in 'username': already_in_use_error") : nil
    }

    /// A duplicate email in Cal.com's status with a clear message; other failures are the host's to
    /// answer (it turns values PostgreSQL refuses into 400s).
    private static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        failure == .uniqueViolation ? request.error(400, "A user with this email already exists") : CALAPI_FAIL
    }
}
