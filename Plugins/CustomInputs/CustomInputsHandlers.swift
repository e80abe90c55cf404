import PluginSDK

/// Handlers of the CustomInputs plugin. A non-admin works only with inputs of their own personal
/// event types; system admins with every input.
enum CustomInputsHandlers {
    static let notFound = HTTPError.notFound("Custom input not found")
    private static let missingEventType: [DatabaseFailure: HTTPError] = [.foreignKeyViolation: .notFound("Event type not found")]

    static func create(_ request: Request<CustomInputsSQL>) throws -> Reply {
        let body = request.body
        try requireEventTypeOwner(request, body["eventTypeId"])
        return .created("event_type_custom_input", try request.run(.insert, body.json, on: missingEventType).json(),
                        message: "EventTypeCustomInput created successfully")
    }

    /// A new `eventTypeId` must be an event type the caller owns, like the one the input left.
    static func update(_ request: Request<CustomInputsSQL>) throws -> Reply {
        let id = try request.id(or: notFound)
        let body = request.body
        try requireEventTypeOwner(request, body["eventTypeId"])
        let rows = try request.run(.update, .int(id), body.json, request.callerScope, on: missingEventType)
        guard rows.count == 1 else { throw notFound }
        return .envelope("event_type_custom_input", rows.json())
    }

    /// For a present `eventTypeId`: a non-admin must own that (personal) event type, else 403
    /// `Forbidden`; for an admin it must exist, else 404.
    private static func requireEventTypeOwner(_ request: Request<CustomInputsSQL>, _ eventType: JSONNode) throws {
        guard let eventTypeId = eventType.int else { return }
        var exists = false
        var owner: Int64?
        if eventTypeId.isRowKey {
            let rows = try request.run(.eventTypeOwner, .int(eventTypeId))
            exists = rows.count == 1
            owner = exists ? rows.int(0, 0) : nil
        }
        if !request.isAdmin && (owner == nil || owner != request.userId) { throw HTTPError.forbidden }
        if !exists { throw HTTPError.notFound("Event type not found") }
    }
}
