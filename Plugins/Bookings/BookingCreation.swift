import PluginSDK

/// `POST /bookings`, the reduced E2 contract (bookings-and-auth.md §12.6): the booking row and its
/// attendees, `pending` when the event type requires confirmation. The slot must be free by the
/// shared availability computation (`AvailabilitySQL.slot`: working hours, date overrides, minimum
/// notice, buffers, accepted bookings, seats); calendars, video links, emails, payments, webhooks,
/// recurring series and rescheduling are out of scope.
enum BookingCreation {
    /// Booker fields Cal.com accepted before `responses` existed, as one group.
    static let legacyProps = ["name", "email", "location", "guests", "notes", "smsReminderNumber", "rescheduleReason"]
    /// A value PostgreSQL cannot take (a date out of range) is the body's fault.
    private static let invalid: [DatabaseFailure: HTTPError] = [.invalidInput: .badRequest("request_body_invalid_error")]

    static func create(_ request: Request<BookingsSQL>) throws -> Reply {
        let body = request.body
        let hasResponses = body["responses"].isPresent && !body["responses"].isNull
        if hasResponses && legacyProps.contains(where: { body[$0].isPresent }) {
            throw HTTPError.badRequest("Legacy Props: \(legacyProps.joined(separator: ",")). They can't be used with `responses`")
        }
        if !hasResponses && (!body["name"].isPresent || !body["email"].isPresent) {
            throw HTTPError.badRequest("invalid_type in 'responses': Required")
        }
        if body["eventTypeId"].isNull { throw HTTPError.badRequest("invalid_type in 'eventTypeId': Expected number, received null") }
        guard body["eventTypeId"].kind == .int || body["eventTypeId"].kind == .double else {
            throw HTTPError.badRequest("Bad request, eventTypeId must be a number")
        }
        guard let eventTypeId = body["eventTypeId"].int, Double(eventTypeId) == body["eventTypeId"].double else {
            throw HTTPError.badRequest("event_type_not_found_error")
        }
        let start = Param.node(body["start"])
        let eventType = try request.run(.creationEventType, [.int(eventTypeId), start, .node(body["end"])], on: invalid)
        guard eventType.count == 1 else { throw HTTPError.badRequest("event_type_not_found_error") }
        guard let end = eventType.string(0, 1) else { throw DatabaseFailure.other }
        if eventType.bool(0, 2) == true { throw HTTPError.badRequest("Attempting to book a meeting in the past.") }
        if eventType.bool(0, 4) != true { throw HTTPError.badRequest("request_body_invalid_error") }
        try request.requireAvailabilityPeriod(from: start, to: .text(end), "A booking", on: invalid)
        let hosts = (eventType.string(0, 3) ?? "").split(separator: ",").compactMap { Int64($0) }
        let id: Int64
        switch try place(request, hosts, eventTypeId: eventTypeId, start: start, end: end) {
        case .refused(let message, let reason):
            throw HTTPError(400, message, details: ["reason": reason])
        case .seat(let booking):
            if try request.run(.insertSeat, [.int(booking), body.json], on: invalid).affected == 0 {
                throw HTTPError.badRequest("already_signed_up_for_this_booking_error")
            }
            id = booking
        case .organizer(let organizer):
            let inserted = try request.run(.insert, [body.json, .int(organizer), .text(end), .text(ShortUUID.make()),
                                                     .bool(eventType.bool(0, 0) == true)], on: invalid)
            guard let newId = inserted.int(0, 0) else { throw DatabaseFailure.other }
            _ = try request.run(.insertAttendees, [.int(newId), body.json], on: invalid)
            id = newId
        }
        return .json(try request.run(.created, .int(id)).json())
    }

    /// Where a booking goes: a new booking of an organizer, a seat in an existing seated booking,
    /// or nowhere (Cal.com's error code, which clients match on, and calapi's precise reason).
    enum Placement {
        case organizer(Int64)
        case seat(Int64)
        case refused(String, reason: String)
    }

    /// The answer for a slot a host cannot take, by the verdict of `AvailabilitySQL.slot`. Cal.com
    /// answers a taken slot like any other slot nobody is free for.
    static func refusal(_ verdict: String) -> Placement {
        switch verdict {
        case "conflict":
            return .refused("no_available_users_found_error", reason: "The slot overlaps an accepted booking of every host (buffers included)")
        case "seats_full":
            return .refused("booking_seats_full_error", reason: "Every seat of the booking at this time is taken")
        default:
            return .refused("no_available_users_found_error",
                            reason: "The slot is outside the bookable hours of every host, or inside the minimum booking notice")
        }
    }

    /// Locks each candidate organizer in turn (ascending ids, so concurrent requests cannot
    /// deadlock) and places the booking with the first one whose availability accepts the slot.
    /// The locks last until the transaction ends, so a concurrent request for the same organizer
    /// waits for this one's insert and then sees it. When every host refuses for the same reason
    /// that reason is the answer, else `no_available_users_found_error`.
    private static func place(_ request: Request<BookingsSQL>, _ hosts: [Int64], eventTypeId: Int64, start: Param, end: String) throws -> Placement {
        var verdicts = Set<String>()
        for host in hosts {
            _ = try request.run(.lockOrganizer, .int(host))
            let slot = try request.run(.slot, [.int(host), .int(eventTypeId), start, .text(end)], on: invalid)
            let verdict = slot.string(0, 0) ?? "unavailable"
            if verdict == "free" {
                if let seat = slot.int(0, 1) { return .seat(seat) }
                return .organizer(host)
            }
            verdicts.insert(verdict)
        }
        return refusal(verdicts.count == 1 ? verdicts.first ?? "" : "unavailable")
    }
}
