import CalapiPluginAPI
import PluginSDK

/// Handlers of the booking-reference routes.
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
        return request.answering({ answer(request, $0) }) {
            let rows = try request.run(BookingReferencesStatements.insert, body.json)
            request.json.envelope("booking_reference", rows.text(0, 0), message: "Booking reference created successfully")
            return CALAPI_OK
        }
    }

    /// The `{id}` check Cal.com's middleware made: admins pass; others need the reference to be on
    /// a booking they organize (403 `Forbidden`, also for a missing reference).
    static func authorizeTarget(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        if request.isAdmin { return CALAPI_OK }
        guard let rows = try? request.run(BookingReferencesStatements.referenceOrganizer, .int(id)) else { return CALAPI_FAIL }
        if rows.count == 0 || rows.int(0, 0) != request.userId { request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    /// `GET /booking-references/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        guard let rows = try? request.run(BookingReferencesStatements.find, .int(id)) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return request.error(404, notFound(id)) }
        request.json.envelope("booking_reference", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /booking-references/{id}`: a soft-deleted reference answers 404.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        let body = request.body
        if let bookingId = body["bookingId"].int, let answered = requireBooking(request, bookingId) { return answered }
        return request.answering({ answer(request, $0) }) {
            let rows = try request.run(BookingReferencesStatements.update, .int(id), body.json)
            guard rows.count == 1 else { return request.error(404, notFound(id)) }
            request.json.envelope("booking_reference", rows.text(0, 0))
            return CALAPI_OK
        }
    }

    /// `DELETE /booking-references/{id}`: a hard delete.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        guard let rows = try? request.run(BookingReferencesStatements.delete, .int(id)) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return request.error(404, notFound(id)) }
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

    private static func notFound(_ id: Int64) -> String { "BookingReference with id: \(id) not found" }

    /// A credential id that does not exist is the client's mistake.
    private static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        switch failure {
        case .foreignKeyViolation: return request.error(400, "Bad request: credentialId or domainWideDelegationCredentialId does not exist")
        default: return CALAPI_FAIL
        }
    }
}
