import PluginSDK

/// `POST /no-show` after Cal.com's `no-show/_post.ts` and its middleware: a system admin may mark
/// any booking's attendees; anyone else only on a booking they organize or one of an event type
/// of a team they belong to (403 `You are not authorized` otherwise, also for a missing booking).
/// Attendees whose email only matches the caller's (bookers) may not mark anyone.
enum NoShowHandlers {
    static func mark(_ request: Request<NoShowSQL>) throws -> Reply {
        let body = request.body
        let booking = try request.run(.booking, .node(body["bookingUid"]), request.callerScope)
        guard booking.count == 1, booking.bool(0, 2) == true, let id = booking.int(0, 0) else {
            throw request.isAdmin ? HTTPError.notFound("Booking not found") : HTTPError.forbidden("You are not authorized")
        }
        var marked: [(email: String, noShow: Bool)] = []
        if body["attendees"].count > 0 {
            if booking.bool(0, 1) == true { throw HTTPError.forbidden("Cannot mark no-show before the meeting has started.") }
            let rows = try request.run(.mark, .int(id), body["attendees"].json)
            marked = (0..<rows.count).map { (rows.string($0, 0) ?? "", rows.bool($0, 1) == true) }
        }
        let message = message(marked, asked: body["attendees"].count)
        return .custom { json in
            json.beginObject()
            json.key("attendees")
            json.beginArray()
            for attendee in marked { json.object(["email": .string(attendee.email), "noShow": .bool(attendee.noShow)]) }
            json.endArray()
            json.key("noShowHost")
            json.bool(false)
            json.key("message")
            json.string(message)
            json.endObject()
        }
    }

    /// Cal.com's English messages: one attendee named, else a general one (none when none was asked).
    private static func message(_ marked: [(email: String, noShow: Bool)], asked: Int) -> String {
        if marked.count == 1 { return "\(marked[0].email) \(marked[0].noShow ? "marked" : "unmarked") as no-show" }
        return asked == 0 ? "" : "No-show status updated"
    }
}
