import PluginSDK

/// Handlers of the booking-reference routes. A non-admin reaches the references of bookings they
/// organize, and links only credentials their own rows already use.
enum BookingReferencesHandlers {
    /// A credential id that does not exist is the client's mistake.
    private static let missingCredential: [DatabaseFailure: HTTPError] = [
        .foreignKeyViolation: .badRequest("Bad request: credentialId or domainWideDelegationCredentialId does not exist")]

    /// `GET /booking-references`: a system admin sees all (soft-deleted too); others the live
    /// references of bookings they organize.
    static func list(_ request: Request<BookingReferencesSQL>) throws -> Reply {
        request.isAdmin ? try request.list("booking_references", .listAll)
                        : try request.list("booking_references", .listOwn, .int(request.userId))
    }

    /// `POST /booking-references`: the booking must exist, and be the caller's unless admin (404).
    static func create(_ request: Request<BookingReferencesSQL>) throws -> Reply {
        let body = request.body
        try requireBooking(request, body["bookingId"].int ?? 0)
        try requireOwnCredentials(request, body)
        return .created("booking_reference", try request.run(.insert, body.json, on: missingCredential).json(),
                        message: "Booking reference created successfully")
    }

    /// `PATCH /booking-references/{id}`: a soft-deleted reference answers 404.
    static func update(_ request: Request<BookingReferencesSQL>) throws -> Reply {
        let id = try request.id(or: notFound(request))
        let body = request.body
        if let bookingId = body["bookingId"].int { try requireBooking(request, bookingId) }
        try requireOwnCredentials(request, body)
        let rows = try request.run(.update, .int(id), body.json, request.callerScope, on: missingCredential)
        guard rows.count == 1 else { throw notFound(request) }
        return .envelope("booking_reference", rows.json())
    }

    /// 404 `Booking not found` unless the booking exists and (for non-admins) is the caller's.
    private static func requireBooking(_ request: Request<BookingReferencesSQL>, _ bookingId: Int64) throws {
        let rows = try request.run(.bookingOrganizer, .int(bookingId))
        if rows.count == 0 || (!request.isAdmin && rows.int(0, 0) != request.userId) { throw HTTPError.notFound("Booking not found") }
    }

    /// For a non-admin, a `credentialId` or `domainWideDelegationCredentialId` the body sets must be
    /// one the caller's own rows already use (calapi cannot read credentials): 400 otherwise, the
    /// same answer whether the credential is someone else's or does not exist.
    private static func requireOwnCredentials(_ request: Request<BookingReferencesSQL>, _ body: JSONNode) throws {
        if request.isAdmin { return }
        for (key, statement) in [("credentialId", BookingReferencesSQL.credentialUsed),
                                 ("domainWideDelegationCredentialId", .delegationUsed)] {
            let value = body[key]
            guard value.isPresent && !value.isNull else { continue }
            if try request.run(statement, .node(value), .int(request.userId)).count == 0 { throw HTTPError.badRequest("Bad request: \(key) invalid") }
        }
    }

    static func notFound(_ request: Request<BookingReferencesSQL>) -> HTTPError {
        .notFound("BookingReference with id: \(request.id.map(String.init) ?? request.pathParameter("id")) not found")
    }
}
