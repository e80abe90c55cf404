import CalapiPluginAPI
import PluginSDK

/// Handlers of the Attendees plugin. Rows only: no notification, no calendar update (as in Cal.com).
enum AttendeesHandlers {
    /// `GET /attendees`: a system admin sees all; others the attendees of bookings they organize.
    static func list(_ request: Request) -> Int32 {
        request.isAdmin ? request.respondWithList("attendees", AttendeesStatements.listAll)
                        : request.respondWithList("attendees", AttendeesStatements.listOwn, [.int(request.userId)])
    }

    /// `POST /attendees`: non-admins only on their own bookings (403 `Forbidden` otherwise).
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        guard let bookingId = body["bookingId"].int else { return CALAPI_FAIL }
        guard let organizer = try? request.run(AttendeesStatements.bookingOrganizer, .int(bookingId)) else { return CALAPI_FAIL }
        if !request.isAdmin && (organizer.count == 0 || organizer.int(0, 0) != request.userId) {
            return request.error(403, "Forbidden")
        }
        if organizer.count == 0 { return request.error(404, "Booking not found") }
        guard let rows = try? request.run(AttendeesStatements.insert, body.json) else { return CALAPI_FAIL }
        request.json.envelope("attendee", rows.text(0, 0), message: "Attendee created successfully")
        return CALAPI_OK
    }

    /// The `{id}` check Cal.com's middleware made: admins pass; others need the attendee to be on
    /// a booking they organize (403 `Forbidden`, also for a missing attendee).
    static func authorizeTarget(_ request: Request) -> Int32 {
        if request.isAdmin { return CALAPI_OK }
        guard let id = request.pathId() else { return request.error(403, "Forbidden") }
        guard let rows = try? request.run(AttendeesStatements.attendeeOrganizer, .int(id)) else { return CALAPI_FAIL }
        if rows.count == 0 || rows.int(0, 0) != request.userId { request.error(403, "Forbidden") }
        return CALAPI_OK
    }

    /// `GET /attendees/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(AttendeesStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("attendee", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /attendees/{id}`: moving the attendee needs access to the target booking.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        let body = request.body
        if let bookingId = body["bookingId"].int {
            guard let organizer = try? request.run(AttendeesStatements.bookingOrganizer, .int(bookingId)) else { return CALAPI_FAIL }
            if !request.isAdmin && (organizer.count == 0 || organizer.int(0, 0) != request.userId) {
                return request.error(403, "You don't have access to the booking")
            }
            if organizer.count == 0 { return request.error(404, "Booking not found") }
        }
        guard let rows = try? request.run(AttendeesStatements.update, .int(id), body.json, request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request) }
        request.json.envelope("attendee", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `DELETE /attendees/{id}`: a hard delete (its BookingSeat row goes with it).
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return notFound(request) }
        guard let rows = try? request.run(AttendeesStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return notFound(request) }
        return request.json.message("Attendee with id: \(id) deleted successfully")
    }

    private static func notFound(_ request: Request) -> Int32 { request.error(404, "Attendee not found") }
}
