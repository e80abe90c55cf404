import CalapiPluginAPI
import PluginSDK

/// Handlers of the Selected calendars plugin. Each returns CALAPI_OK once it answered (a body or
/// an error), and CALAPI_FAIL only for a database failure the host should report.
enum SelectedCalendarsHandlers {
    /// `GET /selected-calendars?userId=` is for admins, refused before the query is parsed.
    static func authorizeList(_ request: Request) -> Int32 {
        if !request.isAdmin && request.query["userId"].isPresent { request.error(403, "ADMIN required") }
        return CALAPI_OK
    }

    /// `GET /selected-calendars`: the caller's, or everyone's (optionally of some users) for an admin.
    static func list(_ request: Request) -> Int32 {
        let only: Param = request.isAdmin ? .null : .int(request.userId)
        return request.respondWithList("selected_calendars", SelectedCalendarsStatements.list, [only, request.query["userId"].json])
    }

    /// `POST /selected-calendars`: for the caller, or for an existing `userId` when an admin sends it.
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        let assigned: Int64?
        do { assigned = try assignedUser(request, body) } catch { return CALAPI_FAIL }
        guard let owner = assigned else { return CALAPI_OK }
        guard let rows = try? request.run(SelectedCalendarsStatements.insert, body.json, .int(owner)) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return alreadyExists(request) }
        request.json.envelope("selected_calendar", rows.text(0, 0), message: "Selected Calendar created successfully")
        return CALAPI_OK
    }

    /// The `[id]` middleware: the id must parse (400), and a non-admin must be its user (403).
    static func authorizeTarget(_ request: Request) -> Int32 {
        guard let key = key(request) else { return CALAPI_OK }
        if !request.isAdmin && key.userId != request.userId { request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    /// `GET /selected-calendars/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let key = key(request) else { return CALAPI_OK }
        guard let rows = try? request.run(SelectedCalendarsStatements.find, keyParams(key)) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("selected_calendar", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /selected-calendars/{id}`: integration, external id and (admins) user.
    static func update(_ request: Request) -> Int32 {
        guard let key = key(request) else { return CALAPI_OK }
        let body = request.body
        let newUser: Param
        if body["userId"].truthyInt != nil {
            let assigned: Int64?
            do { assigned = try assignedUser(request, body) } catch { return CALAPI_FAIL }
            guard let owner = assigned else { return CALAPI_OK }
            newUser = .int(owner)
        } else {
            newUser = .null
        }
        guard let rows = try? request.run(SelectedCalendarsStatements.update, keyParams(key) + [body.json, newUser]) else {
            return CALAPI_FAIL
        }
        if rows.count == 1 {
            request.json.envelope("selected_calendar", rows.text(0, 0))
            return CALAPI_OK
        }
        guard let existing = try? request.run(SelectedCalendarsStatements.find, keyParams(key)) else { return CALAPI_FAIL }
        return existing.count == 0 ? notFound(request) : alreadyExists(request)
    }

    /// `DELETE /selected-calendars/{id}`: the message repeats the id as given.
    static func delete(_ request: Request) -> Int32 {
        guard let key = key(request) else { return CALAPI_OK }
        guard let rows = try? request.run(SelectedCalendarsStatements.delete, keyParams(key)) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return notFound(request) }
        request.json.message("Selected Calendar with id: \(request.pathParameter("id")) deleted successfully")
        return CALAPI_OK
    }

    /// The compound id, or nil after answering 400 with Cal.com's message.
    private static func key(_ request: Request) -> CompoundIdentifier.Calendar? {
        switch CompoundIdentifier.calendar(request.query["id"].string ?? "") {
        case .success(let key): return key
        case .failure(let problem):
            request.error(400, problem.message)
            return nil
        }
    }

    private static func keyParams(_ key: CompoundIdentifier.Calendar) -> [Param] {
        [.int(key.userId), .text(key.integration), .text(key.externalId)]
    }

    /// The user a body assigns: the caller, or (admins only, 403 otherwise) an existing `userId` (404
    /// otherwise). Nil once it answered; throws when the database failed.
    private static func assignedUser(_ request: Request, _ body: JSONNode) throws -> Int64? {
        guard let requested = body["userId"].truthyInt else { return request.userId }
        guard request.isAdmin else {
            request.error(403, "ADMIN required for userId")
            return nil
        }
        guard try request.run(SelectedCalendarsStatements.userExists, .int(requested)).count == 1 else {
            request.error(404, "User with id: \(requested) not found")
            return nil
        }
        return requested
    }

    private static func notFound(_ request: Request) -> Int32 {
        request.error(404, "Selected calendar with id: \(request.pathParameter("id")) not found")
    }

    private static func alreadyExists(_ request: Request) -> Int32 {
        request.error(400, "Selected calendar already exists")
    }
}
