import CalapiPluginAPI
import PluginSDK

/// `DELETE /bookings/{id}` (and `/cancel`), which attendees may use too, and
/// `POST /bookings/{id}/confirm`, for the organizer's side only: status changes on the rows only. calapi has no calendar, video, email, payment or webhook integration to notify.
enum BookingsCancellation {
    /// Soft cancel: `cancelled` with a reason (default `Not Provided`); with
    /// `allRemainingBookings=true` the future occurrences of its recurring series too.
    static func cancel(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return BookingsHandlers.notFound(request) }
        guard let current = try? request.run(BookingsStatements.lockStatus, .int(id), request.callerScope, .bool(true)) else { return CALAPI_FAIL }
        guard current.count == 1 else { return BookingsHandlers.notFound(request) }
        if current.string(0, 0) == "cancelled" { return request.error(400, "This booking has already been cancelled.") }
        let query = request.query
        let reason = query["cancellationReason"].string ?? "Not Provided"
        let allRemaining = query["allRemainingBookings"].string == "true"
        guard (try? request.run(BookingsStatements.cancel, .int(id), .text(reason), .node(query["cancelledBy"]), .bool(allRemaining),
                                request.callerScope)) != nil else {
            return CALAPI_FAIL
        }
        return request.json.message("Booking cancelled successfully")
    }

    /// Accepts (`confirmed: true`) or rejects a booking, with the pending occurrences of the given
    /// recurring series. Answers `{"message":"confirmed","status":…}` either way, as Cal.com does.
    static func confirm(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return BookingsHandlers.notFound(request) }
        let body = request.body
        let confirmed = body["confirmed"].bool ?? false
        guard let current = try? request.run(BookingsStatements.lockStatus, .int(id), request.callerScope, .bool(false)) else { return CALAPI_FAIL }
        guard current.count == 1 else { return BookingsHandlers.notFound(request) }
        switch current.string(0, 0) {
        case "cancelled": return request.error(400, "This booking has already been cancelled.")
        case "rejected": return request.error(400, "Booking already rejected")
        case "accepted" where confirmed: return request.error(400, "Booking already confirmed")
        default: break
        }
        let reason: Param = body["reason"].string.map { .text($0) } ?? .null
        guard (try? request.run(BookingsStatements.confirm, .int(id), .bool(confirmed), reason, .node(body["recurringEventId"]),
                                request.callerScope)) != nil else {
            return CALAPI_FAIL
        }
        let json = request.json
        json.beginObject()
        json.key("message")
        json.string("confirmed")
        json.key("status")
        json.string(confirmed ? "ACCEPTED" : "REJECTED")
        json.endObject()
        return CALAPI_OK
    }
}
