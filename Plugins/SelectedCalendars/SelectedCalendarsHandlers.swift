import PluginSDK

/// Handlers of the SelectedCalendars plugin.
enum SelectedCalendarsHandlers {
    private static let alreadyExists = HTTPError.badRequest("Selected calendar already exists")

    /// `POST /selected-calendars`: for the caller, or for an existing `userId` when an admin sends it.
    static func create(_ request: Request<SelectedCalendarsSQL>) throws -> Reply {
        let body = request.body
        let rows = try request.run(.insert, body.json, .int(assignedUser(request, body)))
        guard rows.count == 1 else { throw alreadyExists }
        return .created("selected_calendar", rows.json(), message: "Selected Calendar created successfully")
    }

    /// The `[id]` middleware: the id must parse (400), and a non-admin must be its user (403).
    static func authorizeTarget(_ request: Request<SelectedCalendarsSQL>) throws {
        let calendar = try parsedId(request)
        if !request.isAdmin && calendar.userId != request.userId { throw HTTPError.forbidden }
    }

    /// `PATCH /selected-calendars/{id}`: integration, external id and (admins) user.
    static func update(_ request: Request<SelectedCalendarsSQL>) throws -> Reply {
        let key = try key(request)
        let body = request.body
        let newUser: Param = body["userId"].truthyInt == nil ? .null : .int(try assignedUser(request, body))
        let rows = try request.run(.update, key + [body.json, newUser])
        if rows.count == 1 { return .envelope("selected_calendar", rows.json()) }
        throw try request.run(.find, key).count == 0 ? notFound(request) : alreadyExists
    }

    /// `DELETE /selected-calendars/{id}`: the message repeats the id as given.
    static func delete(_ request: Request<SelectedCalendarsSQL>) throws -> Reply {
        guard try request.run(.delete, key(request)).affected == 1 else { throw notFound(request) }
        return .message("Selected Calendar with id: \(request.pathParameter("id")) deleted successfully")
    }

    /// The compound id as the statements' first three parameters; 400 with Cal.com's message when it does not parse.
    static func key(_ request: Request<SelectedCalendarsSQL>) throws -> [Param] {
        let calendar = try parsedId(request)
        return [.int(calendar.userId), .text(calendar.integration), .text(calendar.externalId)]
    }

    private static func parsedId(_ request: Request<SelectedCalendarsSQL>) throws -> CompoundIdentifier.Calendar {
        switch CompoundIdentifier.calendar(request.idText) {
        case .success(let calendar): return calendar
        case .failure(let problem): throw HTTPError.badRequest(problem.message)
        }
    }

    /// The user a body assigns: the caller, or (admins only, 403 otherwise) an existing `userId` (404 otherwise).
    private static func assignedUser(_ request: Request<SelectedCalendarsSQL>, _ body: JSONNode) throws -> Int64 {
        guard let requested = body["userId"].truthyInt else { return request.userId }
        guard request.isAdmin else { throw HTTPError.forbidden("ADMIN required for userId") }
        guard try request.run(.userExists, .int(requested)).count == 1 else { throw HTTPError.notFound("User with id: \(requested) not found") }
        return requested
    }

    static func notFound(_ request: Request<SelectedCalendarsSQL>) -> HTTPError {
        .notFound("Selected calendar with id: \(request.pathParameter("id")) not found")
    }
}
