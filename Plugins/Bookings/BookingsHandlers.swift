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

    /// The `{id}` check of Cal.com's `[id]/_auth-middleware`: admins pass; others must organize or
    /// attend the booking, own its event type, or administer its team. 403 otherwise, also for a
    /// booking that does not exist.
    static func authorizeTarget(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        if request.isAdmin { return CALAPI_OK }
        guard let rows = try? request.run(BookingsStatements.access, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        if rows.count == 0 || rows.bool(0, 0) != true { request.error(403, "You are not authorized") }
        return CALAPI_OK
    }

    /// `GET /bookings/{id}`, with attendees, organizer and payments (and the event type on `expand=team`).
    static func get(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        guard let rows = try? request.run(BookingsStatements.find, .int(id), .bool(request.query["expand"].isPresent)) else {
            return CALAPI_FAIL
        }
        guard rows.count == 1 else { return request.error(404, "Booking not found") }
        request.json.envelope("booking", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /bookings/{id}`: a raw edit without side effects; only admins may change the organizer.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        let body = request.body
        if body["userId"].isPresent && !request.isAdmin {
            return request.error(403, "Only admin can change the organizer of a booking")
        }
        do {
            let rows = try request.run(BookingsStatements.update, .int(id), body.json)
            guard rows.count == 1 else { return request.error(404, "Booking not found") }
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
}
