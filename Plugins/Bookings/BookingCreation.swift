import CalapiPluginAPI
import PluginSDK

/// `POST /bookings`, the reduced E2 contract (bookings-and-auth.md §12.6): the booking row and its
/// attendees, `pending` when the event type requires confirmation. The only availability rule is
/// that an organizer never gets two overlapping accepted bookings; calendars, video links, emails,
/// payments, webhooks, seats, recurring series and rescheduling are out of scope.
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
        guard let eventTypeId = body["eventTypeId"].int else { return CALAPI_FAIL }
        do {
            let start = Param.node(body["start"])
            let eventType = try request.run(BookingCreationStatements.eventType, .int(eventTypeId), start, .node(body["end"]))
            guard eventType.count == 1 else { return request.error(400, "event_type_not_found_error") }
            guard let end = eventType.string(0, 1) else { return CALAPI_FAIL }
            if eventType.bool(0, 2) == true { return request.error(400, "Attempting to book a meeting in the past.") }
            if eventType.bool(0, 4) != true { return request.error(400, "request_body_invalid_error") }
            let hosts = (eventType.string(0, 3) ?? "").split(separator: ",").compactMap { Int64($0) }
            guard let organizer = try firstFreeHost(request, hosts, start: start, end: end) else {
                return request.error(400, "no_available_users_found_error")
            }
            let inserted = try request.run(BookingCreationStatements.insert, body.json, .int(organizer), .text(end),
                                           .text(ShortUUID.make()), .bool(eventType.bool(0, 0) == true))
            guard let id = inserted.int(0, 0) else { return CALAPI_FAIL }
            _ = try request.run(BookingCreationStatements.insertAttendees, .int(id), body.json)
            let created = try request.run(BookingCreationStatements.created, .int(id))
            request.json.raw(created.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.invalidInput {
            return request.error(400, "request_body_invalid_error")
        } catch {
            return CALAPI_FAIL
        }
    }

    /// Locks each candidate organizer in turn (ascending ids, so concurrent requests cannot
    /// deadlock) and returns the first without an overlapping accepted booking. The locks last
    /// until the transaction ends, so a concurrent request for the same organizer waits for this
    /// one's insert and then sees it.
    private static func firstFreeHost(_ request: Request, _ hosts: [Int64], start: Param, end: String) throws -> Int64? {
        for host in hosts {
            _ = try request.run(BookingCreationStatements.lockOrganizer, .int(host))
            if try request.run(BookingCreationStatements.conflict, .int(host), start, .text(end)).count == 0 { return host }
        }
        return nil
    }
}
