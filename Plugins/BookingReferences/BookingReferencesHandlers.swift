import CalapiPluginAPI
import PluginSDK

/// Handlers of the booking-reference routes. A non-admin reaches the references of bookings they
/// organize, and links only credentials their own rows already use.
enum BookingReferencesHandlers {
    /// `GET /booking-references`: a system admin sees all (soft-deleted too); others the live
    /// references of bookings they organize.
    static func list(_ request: Request) -> Int32 {
        request.isAdmin ? request.respondWithList("booking_references", BookingReferencesStatements.listAll)
                        : request.respondWithList("booking_references", BookingReferencesStatements.listOwn, [.int(request.userId)])
    }

    /// `POST /booking-references`: the booking must exist, and be the caller's unless admin (404).
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        guard let bookingId = body["bookingId"].int else { return CALAPI_FAIL }
        if let answered = requireBooking(request, bookingId) { return answered }
        if let answered = requireOwnCredentials(request, body) { return answered }
        return request.answering({ answer(request, $0) }) {
            let rows = try request.run(BookingReferencesStatements.insert, body.json)
            request.json.envelope("booking_reference", rows.text(0, 0), message: "Booking reference created successfully")
            return CALAPI_OK
        }
    }

    /// The `{id}` check Cal.com's middleware made: admins pass; others need the reference to be on
    /// a booking they organize (403 `Forbidden`, also for a missing reference). The handlers'
    /// statements apply the same condition.
    static func authorizeTarget(_ request: Request) -> Int32 {
        if request.isAdmin { return CALAPI_OK }
        guard let id = request.pathId() else { return request.error(403, "Forbidden") }
        guard let rows = try? request.run(BookingReferencesStatements.referenceOrganizer, .int(id)) else { return CALAPI_FAIL }
        if rows.count == 0 || rows.int(0, 0) != request.userId { request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    /// `GET /booking-references/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(BookingReferencesStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("booking_reference", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /booking-references/{id}`: a soft-deleted reference answers 404.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        let body = request.body
        if let bookingId = body["bookingId"].int, let answered = requireBooking(request, bookingId) { return answered }
        if let answered = requireOwnCredentials(request, body) { return answered }
        return request.answering({ answer(request, $0) }) {
            let rows = try request.run(BookingReferencesStatements.update, .int(id), body.json, request.callerScope)
            guard rows.count == 1 else { return notFound(request) }
            request.json.envelope("booking_reference", rows.text(0, 0))
            return CALAPI_OK
        }
    }

    /// `DELETE /booking-references/{id}`: a hard delete.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(BookingReferencesStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return notFound(request) }
        return request.json.message("BookingReference with id: \(id) deleted")
    }

    /// Answers 404 `Booking not found` unless the booking exists and (for non-admins) is the
    /// caller's; nil when the request may go on.
    private static func requireBooking(_ request: Request, _ bookingId: Int64) -> Int32? {
        guard let rows = try? request.run(BookingReferencesStatements.bookingOrganizer, .int(bookingId)) else { return CALAPI_FAIL }
        if rows.count == 0 || (!request.isAdmin && rows.int(0, 0) != request.userId) {
            return request.error(404, "Booking not found")
        }
        return nil
    }

    /// For a non-admin, a `credentialId` or `domainWideDelegationCredentialId` the body sets must be
    /// one the caller's own rows already use (calapi cannot read credentials): 400 otherwise, the
    /// same answer whether the credential is someone else's or does not exist. Nil to go on.
    private static func requireOwnCredentials(_ request: Request, _ body: JSONNode) -> Int32? {
        if request.isAdmin { return nil }
        for (key, statement) in [("credentialId", BookingReferencesStatements.credentialUsed),
                                 ("domainWideDelegationCredentialId", BookingReferencesStatements.delegationUsed)] {
            let value = body[key]
            guard value.isPresent && !value.isNull else { continue }
            guard let rows = try? request.run(statement, .node(value), .int(request.userId)) else { return CALAPI_FAIL }
            if rows.count == 0 { return request.error(400, "Bad request: \(key) invalid") }
        }
        return nil
    }

    private static func notFound(_ request: Request) -> Int32 {
        request.error(404, "BookingReference with id: \(request.pathId().map(String.init) ?? request.pathParameter("id")) not found")
    }

    /// A credential id that does not exist is the client's mistake.
    private static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        switch failure {
        case .foreignKeyViolation: return request.error(400, "Bad request: credentialId or domainWideDelegationCredentialId does not exist")
        default: return CALAPI_FAIL
        }
    }
}
