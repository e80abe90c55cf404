import CalapiPluginAPI
import PluginSDK

/// Handlers of the CustomInputs plugin. A non-admin works only with inputs of their own personal
/// event types; system admins with every input.
enum CustomInputsHandlers {
    static func list(_ request: Request) -> Int32 {
        request.respondWithList("event_type_custom_inputs", CustomInputsStatements.list, [request.callerScope])
    }

    static func create(_ request: Request) -> Int32 {
        let body = request.body
        if let answered = requireEventTypeOwner(request, body["eventTypeId"]) { return answered }
        do {
            let rows = try request.run(CustomInputsStatements.insert, body.json)
            request.json.envelope("event_type_custom_input", rows.text(0, 0), message: "EventTypeCustomInput created successfully")
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(404, "Event type not found")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// Cal.com's `[id]` middleware, run before the body is read: a non-admin must own the event
    /// type the input belongs to, else 403 (a missing input is 403 too). The handlers' statements
    /// apply the same owner condition.
    static func authorizeInput(_ request: Request) -> Int32 {
        if request.isAdmin { return CALAPI_OK }
        guard let id = request.pathId() else { return request.error(403, "Forbidden") }
        guard let rows = try? request.run(CustomInputsStatements.owner, .int(id)) else { return CALAPI_FAIL }
        if rows.count == 0 || rows.int(0, 0) != request.userId { return request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(CustomInputsStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("event_type_custom_input", rows.text(0, 0))
        return CALAPI_OK
    }

    /// A new `eventTypeId` must be an event type the caller owns, like the one the input left.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        let body = request.body
        if let answered = requireEventTypeOwner(request, body["eventTypeId"]) { return answered }
        do {
            let rows = try request.run(CustomInputsStatements.update, .int(id), body.json, request.callerScope)
            guard rows.count == 1 else { return notFound(request) }
            request.json.envelope("event_type_custom_input", rows.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(404, "Event type not found")
        } catch {
            return CALAPI_FAIL
        }
    }

    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(CustomInputsStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return notFound(request) }
        request.json.message("CustomInputEventType with id: \(id) deleted successfully")
        return CALAPI_OK
    }

    /// For a present `eventTypeId`: a non-admin must own that (personal) event type → else 403
    /// `Forbidden`; for an admin it must exist → else 404. Returns an answer, or nil to go on.
    private static func requireEventTypeOwner(_ request: Request, _ eventType: JSONNode) -> Int32? {
        guard let eventTypeId = eventType.int else { return nil }
        var exists = false
        var owner: Int64?
        if eventTypeId.isRowKey {
            guard let rows = try? request.run(CustomInputsStatements.eventTypeOwner, .int(eventTypeId)) else { return CALAPI_FAIL }
            exists = rows.count == 1
            owner = exists ? rows.int(0, 0) : nil
        }
        if !request.isAdmin && (owner == nil || owner != request.userId) { return request.error(403, "Forbidden") }
        if !exists { return request.error(404, "Event type not found") }
        return nil
    }

    private static func notFound(_ request: Request) -> Int32 { request.error(404, "Custom input not found") }
}
