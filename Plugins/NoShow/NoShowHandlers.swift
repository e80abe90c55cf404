import CalapiPluginAPI
import PluginSDK

/// `POST /no-show` after Cal.com's `no-show/_post.ts` and its middleware: a system admin may mark
/// any booking's attendees; anyone else only on a booking they organize or one of an event type
/// of a team they belong to (403 `You are not authorized` otherwise, also for a missing booking).
/// Attendees whose email only matches the caller's (bookers) may not mark anyone.
enum NoShowHandlers {
    static func mark(_ request: Request) -> Int32 {
        let body = request.body
        let caller: Param = request.isAdmin ? .null : .int(request.userId)
        return request.answering({ _ in CALAPI_FAIL }) {
            let booking = try request.run(NoShowStatements.booking, .node(body["bookingUid"]), caller)
            guard booking.count == 1, booking.bool(0, 2) == true, let id = booking.int(0, 0) else {
                return request.isAdmin ? request.error(404, "Booking not found") : request.error(403, "You are not authorized")
            }
            var marked: [(email: String, noShow: Bool)] = []
            if body["attendees"].count > 0 {
                if booking.bool(0, 1) == true { return request.error(403, "Cannot mark no-show before the meeting has started.") }
                let rows = try request.run(NoShowStatements.mark, .int(id), body["attendees"].json)
                marked = (0..<rows.count).map { (rows.string($0, 0) ?? "", rows.bool($0, 1) == true) }
            }
            write(request, marked, message: message(marked, asked: body["attendees"].count))
            return CALAPI_OK
        }
    }

    /// Cal.com's English messages: one attendee named, else a general one (none when none was asked).
    private static func message(_ marked: [(email: String, noShow: Bool)], asked: Int) -> String {
        if marked.count == 1 { return "\(marked[0].email) \(marked[0].noShow ? "marked" : "unmarked") as no-show" }
        return asked == 0 ? "" : "No-show status updated"
    }

    private static func write(_ request: Request, _ marked: [(email: String, noShow: Bool)], message: String) {
        let json = request.json
        json.beginObject()
        json.key("attendees")
        json.beginArray()
        for attendee in marked {
            json.beginObject()
            json.key("email")
            json.string(attendee.email)
            json.key("noShow")
            json.bool(attendee.noShow)
            json.endObject()
        }
        json.endArray()
        json.key("noShowHost")
        json.bool(false)
        json.key("message")
        json.string(message)
        json.endObject()
    }
}
