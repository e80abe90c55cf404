import PluginSDK

/// `GET /bookings`, `GET` and `PATCH /bookings/{id}`, and the `{id}` access checks.
enum BookingsHandlers {
    /// A booking the caller may not reach, or that does not exist, for non-admins.
    static let denied = HTTPError.forbidden("You are not authorized")

    /// The `{id}` check of Cal.com's `[id]/_auth-middleware` for reading and cancelling: admins
    /// pass; others must be on the organizer's side (organize it, own its event type, or administer
    /// its team) or attend it by a trusted email. 403 otherwise, also for a booking that does not
    /// exist. The handlers' statements apply the same condition.
    static let reader = access(attendees: true)

    /// The same check for editing, confirming and rejecting: the organizer's side only, never an
    /// attendee (Cal.com's web app lets only them confirm, reject or reschedule).
    static let organizerSide = access(attendees: false)

    private static func access(attendees: Bool) -> Access<BookingsSQL> {
        Access { request in
            guard !request.isAdmin else { return }
            let rows = try request.run(.access, .int(request.id(or: denied)), .int(request.userId))
            guard rows.count == 1 && (rows.bool(0, 0) == true || (attendees && rows.bool(0, 1) == true)) else { throw denied }
        }
    }

    /// `GET /bookings`: non-admins see the bookings they organize (`userId` is ignored for them);
    /// a system admin sees everything, or what the given users organize or attend. Paginated when
    /// `take` is given (`page` defaults to 1; Cal.com ignored a `take` sent without `page`); without
    /// `take` every row, unless there are more than `limits.max_page_size` (400).
    static func list(_ request: Request<BookingsSQL>) throws -> Reply {
        let window = try request.listWindow()
        let query = request.query
        let upcoming = query["status"].string == "upcoming"
        // Without a filter or a sort key the order is by id (`order` alone changes nothing).
        let unfiltered = !upcoming && !["attendeeEmail", "dateFrom", "dateTo", "sortBy"].contains { query[$0].isPresent }
        if !request.isAdmin && unfiltered {
            let rows = try request.run(query["expand"].isPresent ? .listOwnByIdExpanded : .listOwnById, window.params + [.int(request.userId)])
            try window.check(rows.int(0, 0) ?? 0)
            return .envelope("bookings", rows.json(0, 1))
        }
        var params: [Param] = [query["attendeeEmail"].json, upcoming ? .null : .node(query["dateFrom"]), .node(query["dateTo"]),
                               .bool(upcoming), .node(query["sortBy"]), .node(query["order"])]
                              + window.params + [.bool(query["expand"].isPresent)]
        let statement: BookingsSQL
        if !request.isAdmin {
            statement = .listOwn
            params.append(.int(request.userId))
        } else if query["userId"].isPresent {
            statement = .listForUsers
            params.append(query["userId"].json)
        } else {
            statement = .listAll
        }
        let rows = try request.run(statement, params, on: [.invalidInput: .badRequest("Invalid ISO Date")])
        try window.check(rows.int(0, 0) ?? 0)
        return .envelope("bookings", rows.json(0, 1))
    }

    /// `GET /bookings/{id}`, with attendees, organizer and payments (and the event type on `expand=team`).
    static func get(_ request: Request<BookingsSQL>) throws -> Reply {
        .envelope("booking", try request.one(.find, .int(request.id(or: notFound(request))), .bool(request.query["expand"].isPresent),
                                             request.callerScope, orElse: notFound(request)))
    }

    /// `PATCH /bookings/{id}`: a raw edit without side effects by the organizer's side; only admins
    /// may change the organizer, and a new event type must be one the caller may use.
    static func update(_ request: Request<BookingsSQL>) throws -> Reply {
        let id = try request.id(or: notFound(request))
        let body = request.body
        if body["userId"].isPresent && !request.isAdmin { throw HTTPError.forbidden("Only admin can change the organizer of a booking") }
        if let eventType = body["eventTypeId"].int, !request.isAdmin,
           try request.run(.usableEventType, .int(eventType), .int(request.userId)).count == 0 {
            throw HTTPError.forbidden("You can't use this event type")
        }
        let rows = try request.run(.update, .int(id), body.json, request.callerScope, on: [
            .foreignKeyViolation: .badRequest("Bad request: userId or eventTypeId does not exist"),
            .invalidInput: .badRequest("Bad request: a value is out of range")])
        guard rows.count == 1 else { throw notFound(request) }
        return .envelope("booking", rows.json())
    }

    /// A booking that does not exist (or can no longer be reached): 404 for admins; for others the
    /// access check's 403, so that they never learn whether it exists.
    static func notFound(_ request: Request<BookingsSQL>) -> HTTPError {
        request.isAdmin ? .notFound("Booking not found") : denied
    }
}
