import PluginSDK

/// Handlers of the Attendees plugin. Rows only: no notification, no calendar update (as in Cal.com).
enum AttendeesHandlers {
    static let notFound = HTTPError.notFound("Attendee not found")

    /// `GET /attendees`: a system admin sees all; others the attendees of bookings they organize.
    static func list(_ request: Request<AttendeesSQL>) throws -> Reply {
        request.isAdmin ? try request.list("attendees", .listAll) : try request.list("attendees", .listOwn, .int(request.userId))
    }

    /// `POST /attendees`: non-admins only on their own bookings (403 `Forbidden` otherwise).
    static func create(_ request: Request<AttendeesSQL>) throws -> Reply {
        let body = request.body
        try requireBooking(request, body["bookingId"].int ?? 0, denied: .forbidden)
        return .created("attendee", try request.run(.insert, body.json).json(), message: "Attendee created successfully")
    }

    /// `PATCH /attendees/{id}`: moving the attendee needs access to the target booking.
    static func update(_ request: Request<AttendeesSQL>) throws -> Reply {
        let id = try request.id(or: notFound)
        let body = request.body
        if let bookingId = body["bookingId"].int { try requireBooking(request, bookingId, denied: .forbidden("You don't have access to the booking")) }
        return .envelope("attendee", try request.one(.update, .int(id), body.json, request.callerScope, orElse: notFound))
    }

    /// Non-admins need to organize the booking (`denied` otherwise, also when it is missing);
    /// for admins it must exist (404).
    private static func requireBooking(_ request: Request<AttendeesSQL>, _ bookingId: Int64, denied: HTTPError) throws {
        let organizer = try request.run(.bookingOrganizer, .int(bookingId))
        if !request.isAdmin && (organizer.count == 0 || organizer.int(0, 0) != request.userId) { throw denied }
        if organizer.count == 0 { throw HTTPError.notFound("Booking not found") }
    }
}
