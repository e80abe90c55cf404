import PluginSDK

/// `DELETE /bookings/{id}` (and `/cancel`), which attendees may use too, and
/// `POST /bookings/{id}/confirm`, for the organizer's side only: status changes on the rows only.
/// calapi has no calendar, video, email, payment or webhook integration to notify.
enum BookingsCancellation {
    /// Soft cancel: `cancelled` with a reason (default `Not Provided`); with
    /// `allRemainingBookings=true` the future occurrences of its recurring series too.
    static func cancel(_ request: Request<BookingsSQL>) throws -> Reply {
        let id = try request.id(or: BookingsHandlers.notFound(request))
        if try status(request, id, attendees: true) == "cancelled" { throw HTTPError.badRequest("This booking has already been cancelled.") }
        let query = request.query
        _ = try request.run(.cancel, .int(id), .text(query["cancellationReason"].string ?? "Not Provided"), .node(query["cancelledBy"]),
                            .bool(query["allRemainingBookings"].string == "true"), request.callerScope)
        return .message("Booking cancelled successfully")
    }

    /// Accepts (`confirmed: true`) or rejects a booking, with the pending occurrences of the given
    /// recurring series. Answers `{"message":"confirmed","status":…}` either way, as Cal.com does.
    static func confirm(_ request: Request<BookingsSQL>) throws -> Reply {
        let id = try request.id(or: BookingsHandlers.notFound(request))
        let body = request.body
        let confirmed = body["confirmed"].bool ?? false
        switch try status(request, id, attendees: false) {
        case "cancelled": throw HTTPError.badRequest("This booking has already been cancelled.")
        case "rejected": throw HTTPError.badRequest("Booking already rejected")
        case "accepted" where confirmed: throw HTTPError.badRequest("Booking already confirmed")
        default: break
        }
        let reason: Param = body["reason"].string.map { .text($0) } ?? .null
        _ = try request.run(.confirm, .int(id), .bool(confirmed), reason, .node(body["recurringEventId"]), request.callerScope)
        return .object(["message": .string("confirmed"), "status": .string(confirmed ? "ACCEPTED" : "REJECTED")])
    }

    /// The booking's status, locked until the transaction ends; 404 (403 for non-admins) when the
    /// caller cannot reach it (`attendees`: attendees may, for a cancellation).
    private static func status(_ request: Request<BookingsSQL>, _ id: Int64, attendees: Bool) throws -> String? {
        let current = try request.run(.lockStatus, .int(id), request.callerScope, .bool(attendees))
        guard current.count == 1 else { throw BookingsHandlers.notFound(request) }
        return current.string(0, 0)
    }
}
