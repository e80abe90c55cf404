import CalapiPluginAPI
import PluginSDK

/// Handlers of the Destination calendars plugin. Each returns CALAPI_OK once it answered (a body
/// or an error), and CALAPI_FAIL only for a database failure the host should report.
enum DestinationCalendarsHandlers {
    /// `GET /destination-calendars?userId=` is for admins, refused before the query is parsed.
    static func authorizeList(_ request: Request) -> Int32 {
        if !request.isAdmin && request.query["userId"].isPresent { request.error(401, "ADMIN required") }
        return CALAPI_OK
    }

    /// `GET /destination-calendars`: the calendars of the caller (or of the users an admin names)
    /// and of their event types.
    static func list(_ request: Request) -> Int32 {
        let users = request.query["userId"]
        let param: Param = users.isPresent ? users.json : .int(request.userId)
        return request.respondWithList("destinationCalendars", DestinationCalendarsStatements.list, [param])
    }

    /// `POST /destination-calendars`: admins must name the user; a calendar given an event type
    /// belongs to the event type only.
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        let requested = body["userId"].truthyInt
        let eventType = body["eventTypeId"].truthyInt
        if !request.isAdmin && requested != nil { return request.error(401, "ADMIN required for `userId`") }
        if request.isAdmin && requested == nil { return request.error(400, "`userId` required") }
        let assigned = requested ?? request.userId
        if let eventType {
            guard let owner = try? request.run(DestinationCalendarsStatements.eventTypeOwner, .int(eventType)) else { return CALAPI_FAIL }
            let owned = owner.count == 1 && owner.int(0, 0) == assigned
            if !request.isAdmin && !owned { return request.error(401, "Unauthorized") }
            if !owned { return request.error(400, "Bad request, eventTypeId invalid") }
        }
        do {
            let rowUser: Param = eventType == nil ? .int(assigned) : .null
            let rows = try request.run(DestinationCalendarsStatements.insert, body.json, rowUser, .int(assigned))
            request.json.envelope("destinationCalendar", rows.text(0, 0), message: "Destination calendar created successfully")
            return CALAPI_OK
        } catch DatabaseFailure.uniqueViolation {
            return alreadyLinked(request)
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(400, "Bad request, userId invalid")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `[id]` middleware: a non-admin only reaches their own calendars and those of their event
    /// types (404 otherwise), checked before the body. The handlers' statements apply the same
    /// condition.
    static func authorizeTarget(_ request: Request) -> Int32 {
        guard !request.isAdmin, let id = request.pathId() else { return CALAPI_OK }
        guard let rows = try? request.run(DestinationCalendarsStatements.target, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        if rows.count == 0 { request.error(404, "Destination calendar not found") }
        return CALAPI_OK
    }

    /// `GET /destination-calendars/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(DestinationCalendarsStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return request.error(404, "Destination calendar not found") }
        request.json.envelope("destinationCalendar", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /destination-calendars/{id}`, with Cal.com's checks in its order (credentials aside).
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        let body = request.body
        let integration = body["integration"].string ?? ""
        let externalId = body["externalId"].string ?? ""
        if !integration.isEmpty && externalId.isEmpty { return request.error(400, "External Id is required with integration value") }
        if integration.isEmpty && !externalId.isEmpty { return request.error(400, "Integration value is required with external ID") }
        let assigned = request.isAdmin ? body["userId"].truthyInt ?? request.userId : request.userId

        guard let target = try? request.run(DestinationCalendarsStatements.target, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard target.count == 1 else { return request.error(404, "Destination calendar with ID \(id) not found") }
        let linkedEventType = target.int(0, 1)
        if let eventType = body["eventTypeId"].truthyInt {
            if linkedEventType == nil {
                return request.error(400, "The provided destination calendar can not be linked to an event type")
            }
            guard let owner = try? request.run(DestinationCalendarsStatements.eventTypeOwner, .int(eventType)) else { return CALAPI_FAIL }
            guard owner.count == 1, owner.int(0, 0) == assigned else {
                return request.error(404, "Event type with ID \(eventType) not found")
            }
        } else {
            if linkedEventType != nil {
                return request.error(400, "The provided destination calendar can only be linked to an event type")
            }
            if target.int(0, 0) != assigned { return request.error(403, "Forbidden") }
        }
        do {
            let rows = try request.run(DestinationCalendarsStatements.update, .int(id), body.json, .int(assigned), request.callerScope)
            guard rows.count == 1 else { return request.error(404, "Destination calendar with ID \(id) not found") }
            request.json.envelope("destinationCalendar", rows.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.uniqueViolation {
            return alreadyLinked(request)
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `DELETE /destination-calendars/{id}`.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(DestinationCalendarsStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return request.error(404, "Destination calendar not found") }
        request.json.message("OK, Destination Calendar removed successfully")
        return CALAPI_OK
    }

    /// A user and an event type each have at most one destination calendar.
    private static func alreadyLinked(_ request: Request) -> Int32 {
        request.error(400, "Bad request, this user or event type already has a destination calendar")
    }
}
