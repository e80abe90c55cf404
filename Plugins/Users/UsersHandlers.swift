import PluginSDK

/// Handlers of the Users plugin.
enum UsersHandlers {
    static let notFound = HTTPError.notFound("User not found")
    /// A duplicate email, in Cal.com's status with a clear message.
    private static let duplicateEmail: [DatabaseFailure: HTTPError] = [.uniqueViolation: .badRequest("A user with this email already exists")]

    /// `GET /users`: a non-admin sees only their own row; admins see everyone, paginated (Cal.com's
    /// `take` defaults to 10).
    static func list(_ request: Request<UsersSQL>) throws -> Reply {
        let window = try request.listWindow(defaultTake: 10)
        let only: Param = request.isAdmin ? .null : .int(request.userId)
        let rows = try request.run(.list, [only, request.query["email"].json] + window.params)
        return .object(["users": .json(rows.json(0, 1)), "total": .int(rows.int(0, 0) ?? 0)])
    }

    /// `POST /users` (system admins only, checked before the body, as Cal.com does).
    static func create(_ request: Request<UsersSQL>) throws -> Reply {
        let body = request.body
        try rejectTakenUsername(request, body["username"], excluding: nil)
        return .envelope("user", try user(request.run(.insert, body.json, on: duplicateEmail)))
    }

    /// `GET /users/{userId}`: the caller itself, or anyone for an admin.
    static func get(_ request: Request<UsersSQL>) throws -> Reply {
        .envelope("user", try request.one(.find, .int(target(request)), request.callerScope, orElse: notFound))
    }

    /// `PATCH /users/{userId}`: role and a truthy hideBranding are dropped for non-admins; an email
    /// a non-admin changes is no longer verified (see `UsersSQL.update`).
    static func update(_ request: Request<UsersSQL>) throws -> Reply {
        let id = try target(request)
        let body = request.body
        try rejectTakenUsername(request, body["username"], excluding: id)
        if let schedule = body["defaultScheduleId"].int, try request.run(.scheduleOwned, .int(schedule), .int(id)).count == 0 {
            throw HTTPError.badRequest("Bad request: Invalid default schedule id")
        }
        return .envelope("user", try user(request.run(.update, .int(id), body.json, request.callerScope, on: duplicateEmail)))
    }

    /// `DELETE /users/{userId}`.
    static func delete(_ request: Request<UsersSQL>) throws -> Reply {
        let id = try target(request)
        let referenced = HTTPError(409, "User with id: \(id) cannot be deleted: other records still reference it")
        guard try request.run(.delete, .int(id), request.callerScope, on: [.foreignKeyViolation: referenced]).affected == 1 else {
            throw notFound
        }
        return .message("User with id: \(id) deleted successfully")
    }

    /// The `{userId}` of the path (Cal.com's lenient `parseInt`, the route's `x-coerce` rule) when
    /// the caller may use it: themself, or anyone for an admin. Otherwise throws 403 (404 for an
    /// admin naming an id no user can have).
    static func target(_ request: Request<UsersSQL>) throws -> Int64 {
        let id = try request.id(or: request.isAdmin ? notFound : .forbidden)
        try request.requireSelfOrAdmin(id)
        return id
    }

    /// The user JSON of a statement's one row; 404 without one.
    private static func user(_ rows: Rows) throws -> JSONText {
        guard rows.count == 1 else { throw notFound }
        return rows.json()
    }

    /// Cal.com's username check, reported like its zod issue.
    private static func rejectTakenUsername(_ request: Request<UsersSQL>, _ username: JSONNode, excluding id: Int64?) throws {
        guard let name = username.string, !name.isEmpty else { return }
        if try request.run(.usernameTaken, .text(name), id.map { .int($0) } ?? .null).count > 0 {
            throw HTTPError.badRequest("custom in 'username': already_in_use_error")
        }
    }
}
