import PluginSDK

/// Handlers of the DestinationCalendars plugin.
enum DestinationCalendarsHandlers {
    static let notFound = HTTPError.notFound("Destination calendar not found")
    /// A user and an event type each have at most one destination calendar.
    private static let alreadyLinked = HTTPError.badRequest("Bad request, this user or event type already has a destination calendar")

    /// `POST /destination-calendars`: admins must name the user; a calendar given an event type
    /// belongs to the event type only.
    static func create(_ request: Request<DestinationCalendarsSQL>) throws -> Reply {
        let body = request.body
        let requested = body["userId"].truthyInt
        let eventType = body["eventTypeId"].truthyInt
        if !request.isAdmin && requested != nil { throw HTTPError.unauthorized("ADMIN required for `userId`") }
        if request.isAdmin && requested == nil { throw HTTPError.badRequest("`userId` required") }
        let assigned = requested ?? request.userId
        if let eventType {
            let owned = try owner(request, eventType) == assigned
            if !request.isAdmin && !owned { throw HTTPError.unauthorized("Unauthorized") }
            if !owned { throw HTTPError.badRequest("Bad request, eventTypeId invalid") }
        }
        let rows = try request.run(.insert, body.json, eventType == nil ? .int(assigned) : .null, .int(assigned),
                                   on: [.uniqueViolation: alreadyLinked, .foreignKeyViolation: .badRequest("Bad request, userId invalid")])
        return .created("destinationCalendar", rows.json(), message: "Destination calendar created successfully")
    }

    /// `PATCH /destination-calendars/{id}`, with Cal.com's checks in its order (credentials aside).
    static func update(_ request: Request<DestinationCalendarsSQL>) throws -> Reply {
        let id = try request.id(or: notFound)
        let missing = HTTPError.notFound("Destination calendar with ID \(id) not found")
        let body = request.body
        let integration = body["integration"].string ?? ""
        let externalId = body["externalId"].string ?? ""
        if !integration.isEmpty && externalId.isEmpty { throw HTTPError.badRequest("External Id is required with integration value") }
        if integration.isEmpty && !externalId.isEmpty { throw HTTPError.badRequest("Integration value is required with external ID") }
        let assigned = request.isAdmin ? body["userId"].truthyInt ?? request.userId : request.userId

        let target = try request.run(.target, .int(id), request.callerScope)
        guard target.count == 1 else { throw missing }
        let linkedEventType = target.int(0, 1)
        if let eventType = body["eventTypeId"].truthyInt {
            if linkedEventType == nil { throw HTTPError.badRequest("The provided destination calendar can not be linked to an event type") }
            guard try owner(request, eventType) == assigned else { throw HTTPError.notFound("Event type with ID \(eventType) not found") }
        } else {
            if linkedEventType != nil { throw HTTPError.badRequest("The provided destination calendar can only be linked to an event type") }
            if target.int(0, 0) != assigned { throw HTTPError.forbidden }
        }
        let rows = try request.run(.update, .int(id), body.json, .int(assigned), request.callerScope, on: [.uniqueViolation: alreadyLinked])
        guard rows.count == 1 else { throw missing }
        return .envelope("destinationCalendar", rows.json())
    }

    /// The owner of event type `id`; nil when it has none or does not exist.
    private static func owner(_ request: Request<DestinationCalendarsSQL>, _ eventType: Int64) throws -> Int64? {
        let rows = try request.run(.eventTypeOwner, .int(eventType))
        return rows.count == 1 ? rows.int(0, 0) : nil
    }
}
