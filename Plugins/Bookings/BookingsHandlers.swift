import CalapiPluginAPI
import PluginSDK

/// `GET /bookings`, `GET` and `PATCH /bookings/{id}`, and the `{id}` access check every `{id}`
/// route runs first.
enum BookingsHandlers {
    /// `GET /bookings`: non-admins see the bookings they organize (`userId` is ignored for them);
    /// a system admin sees everything, or what the given users organize or attend. Paginated when
    /// `take` is given (`page` defaults to 1; Cal.com ignored a `take` sent without `page`); without
    /// `take` every row, unless there are more than `limits.max_page_size` (400).
    static func list(_ request: Request) -> Int32 {
        guard let window = request.listWindow() else { return CALAPI_OK }
        let query = request.query
        let upcoming = query["status"].string == "upcoming"
        var params: [Param] = [query["attendeeEmail"].json, upcoming ? .null : .node(query["dateFrom"]), .node(query["dateTo"]),
                               .bool(upcoming), .node(query["sortBy"]), .node(query["order"])]
                              + window.params + [.bool(query["expand"].isPresent)]
        let statement: Statement
        if !request.isAdmin {
            statement = BookingsStatements.listOwn
            params.append(.int(request.userId))
        } else if query["userId"].isPresent {
            statement = BookingsStatements.listForUsers
            params.append(query["userId"].json)
        } else {
            statement = BookingsStatements.listAll
        }
        do {
            let rows = try request.run(statement, params)
            guard window.admits(rows.int(0, 0) ?? 0, request) else { return CALAPI_OK }
            request.json.envelope("bookings", rows.text(0, 1))
            return CALAPI_OK
        } catch DatabaseFailure.invalidInput {
            return request.error(400, "Invalid ISO Date")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `{id}` check of Cal.com's `[id]/_auth-middleware` for reading and cancelling: admins
    /// pass; others must be on the organizer's side (organize it, own its event type, or administer
    /// its team) or attend it by a trusted email. 403 otherwise, also for a booking that does not
    /// exist. The handlers' statements apply the same condition.
    static func authorizeReader(_ request: Request) -> Int32 {
        authorize(request, attendees: true)
    }

    /// The same check for editing, confirming and rejecting: the organizer's side only, never an
    /// attendee (Cal.com's web app lets only them confirm, reject or reschedule).
    static func authorizeOrganizerSide(_ request: Request) -> Int32 {
        authorize(request, attendees: false)
    }

    private static func authorize(_ request: Request, attendees: Bool) -> Int32 {
        if request.isAdmin { return CALAPI_OK }
        guard let id = request.pathId() else { return denied(request) }
        guard let rows = try? request.run(BookingsStatements.access, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        let allowed = rows.count == 1 && (rows.bool(0, 0) == true || (attendees && rows.bool(0, 1) == true))
        return allowed ? CALAPI_OK : denied(request)
    }

    /// `GET /bookings/{id}`, with attendees, organizer and payments (and the event type on `expand=team`).
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(BookingsStatements.find, .int(id), .bool(request.query["expand"].isPresent), request.callerScope) else {
            return CALAPI_FAIL
        }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("booking", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /bookings/{id}`: a raw edit without side effects by the organizer's side; only admins
    /// may change the organizer, and a new event type must be one the caller may use.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        let body = request.body
        if body["userId"].isPresent && !request.isAdmin {
            return request.error(403, "Only admin can change the organizer of a booking")
        }
        if let eventType = body["eventTypeId"].int, !request.isAdmin {
            guard let usable = try? request.run(BookingsStatements.usableEventType, .int(eventType), .int(request.userId)) else { return CALAPI_FAIL }
            if usable.count == 0 { return request.error(403, "You can't use this event type") }
        }
        do {
            let rows = try request.run(BookingsStatements.update, .int(id), body.json, request.callerScope)
            guard rows.count == 1 else { return notFound(request) }
            request.json.envelope("booking", rows.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(400, "Bad request: userId or eventTypeId does not exist")
        } catch DatabaseFailure.invalidInput {
            return request.error(400, "Bad request: a value is out of range")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// A booking the caller may not reach, or that does not exist, for non-admins.
    static func denied(_ request: Request) -> Int32 { request.error(403, "You are not authorized") }

    /// A booking that does not exist (or can no longer be reached): 404 for admins; for others the
    /// access check's 403, so that they never learn whether it exists.
    static func notFound(_ request: Request) -> Int32 {
        request.isAdmin ? request.error(404, "Booking not found") : denied(request)
    }
}
