import CalapiPluginAPI
import PluginSDK

/// `POST /bookings`, the reduced E2 contract (bookings-and-auth.md §12.6): the booking row and its
/// attendees, `pending` when the event type requires confirmation. The slot must be free by the
/// shared availability computation (`AvailabilitySQL.slot`: working hours, date overrides, minimum
/// notice, buffers, accepted bookings, seats); calendars, video links, emails, payments, webhooks,
/// recurring series and rescheduling are out of scope.
enum BookingCreation {
    /// Booker fields Cal.com accepted before `responses` existed, as one group.
    static let legacyProps = ["name", "email", "location", "guests", "notes", "smsReminderNumber", "rescheduleReason"]

    static func create(_ request: Request) -> Int32 {
        let body = request.body
        let hasResponses = body["responses"].isPresent && !body["responses"].isNull
        if hasResponses && legacyProps.contains(where: { body[$0].isPresent }) {
            return request.error(400, "Legacy Props: \(legacyProps.joined(separator: ",")). They can't be used with `responses`")
        }
        if !hasResponses && (!body["name"].isPresent || !body["email"].isPresent) {
            return request.error(400, "invalid_type in 'responses': Required")
        }
        if body["eventTypeId"].isNull { return request.error(400, "invalid_type in 'eventTypeId': Expected number, received null") }
        guard body["eventTypeId"].kind == .int || body["eventTypeId"].kind == .double else {
            return request.error(400, "Bad request, eventTypeId must be a number")
        }
        guard let eventTypeId = body["eventTypeId"].int, Double(eventTypeId) == body["eventTypeId"].double else {
            return request.error(400, "event_type_not_found_error")
        }
        do {
            let start = Param.node(body["start"])
            let eventType = try request.run(BookingCreationStatements.eventType, .int(eventTypeId), start, .node(body["end"]))
            guard eventType.count == 1 else { return request.error(400, "event_type_not_found_error") }
            guard let end = eventType.string(0, 1) else { return CALAPI_FAIL }
            if eventType.bool(0, 2) == true { return request.error(400, "Attempting to book a meeting in the past.") }
            if eventType.bool(0, 4) != true { return request.error(400, "request_body_invalid_error") }
            guard try request.availabilityPeriodFits(BookingCreationStatements.periodTooLong, from: start, to: .text(end), "A booking") else {
                return CALAPI_OK
            }
            let hosts = (eventType.string(0, 3) ?? "").split(separator: ",").compactMap { Int64($0) }
            let placement = try place(request, hosts, eventTypeId: eventTypeId, start: start, end: end)
            let id: Int64
            switch placement {
            case .refused(let message, let reason):
                return refuse(request, message, reason: reason)
            case .seat(let booking):
                let seated = try request.run(BookingCreationStatements.insertSeat, .int(booking), body.json)
                if seated.affected == 0 { return request.error(400, "already_signed_up_for_this_booking_error") }
                id = booking
            case .organizer(let organizer):
                let inserted = try request.run(BookingCreationStatements.insert, body.json, .int(organizer), .text(end),
                                               .text(ShortUUID.make()), .bool(eventType.bool(0, 0) == true))
                guard let newId = inserted.int(0, 0) else { return CALAPI_FAIL }
                _ = try request.run(BookingCreationStatements.insertAttendees, .int(newId), body.json)
                id = newId
            }
            let created = try request.run(BookingCreationStatements.created, .int(id))
            request.json.raw(created.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.invalidInput {
            return request.error(400, "request_body_invalid_error")
        } catch {
            return CALAPI_FAIL
        }
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

    /// 400 `{"message": <Cal.com's code>, "reason": <calapi's explanation>}`.
    private static func refuse(_ request: Request, _ message: String, reason: String) -> Int32 {
        request.setStatus(400)
        let json = request.json
        json.beginObject()
        json.key("message")
        json.string(message)
        json.key("reason")
        json.string(reason)
        json.endObject()
        return CALAPI_OK
    }

    /// Locks each candidate organizer in turn (ascending ids, so concurrent requests cannot
    /// deadlock) and places the booking with the first one whose availability accepts the slot.
    /// The locks last until the transaction ends, so a concurrent request for the same organizer
    /// waits for this one's insert and then sees it. When every host refuses for the same reason
    /// that reason is the answer, else `no_available_users_found_error`.
    private static func place(_ request: Request, _ hosts: [Int64], eventTypeId: Int64, start: Param, end: String) throws -> Placement {
        var verdicts = Set<String>()
        for host in hosts {
            _ = try request.run(BookingCreationStatements.lockOrganizer, .int(host))
            let slot = try request.run(BookingCreationStatements.slot, .int(host), .int(eventTypeId), start, .text(end))
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
