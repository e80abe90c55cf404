import CalapiPluginAPI
import PluginSDK

/// `GET /slots` after Cal.com's `slots/_get.ts`: the start times an event type can be booked at
/// between `startTime` and `endTime`, computed per host by `AvailabilitySQL.slots` (the statement
/// `POST /bookings` checks a slot with), merged over the hosts (a slot is offered when one host can
/// take it, as `POST /bookings` places a booking with the first free host), grouped by day.
/// Slots are what the public booking page shows, so any authenticated caller may ask.
enum SlotsHandlers {
    static func get(_ request: Request) -> Int32 {
        let query = request.query
        let usernames = usernameList(query["usernameList"])
        let eventTypeId = query["eventTypeId"].int ?? 0
        let slug = query["eventTypeSlug"].string ?? ""
        return request.answering({ answer(request, $0) }) {
            var problems: [String] = []
            if eventTypeId == 0 && (usernames.isEmpty || slug.isEmpty) {
                problems.append("You need to either pass an eventTypeId OR an usernameList/eventTypeSlug combination")
            }
            let ordered = try request.run(SlotsStatements.ordered, .node(query["startTime"]), .node(query["endTime"]))
            if ordered.bool(0, 0) != true { problems.append("custom in 'endTime': endTime must be after startTime") }
            if !problems.isEmpty { return request.error(400, problems.joined(separator: "; ")) }
            guard try request.availabilityPeriodFits(SlotsStatements.periodTooLong, from: .node(query["startTime"]),
                                                     to: .node(query["endTime"]), "The period from startTime to endTime") else {
                return CALAPI_OK
            }
            let isTeamEvent = query["isTeamEvent"].string?.lowercased() == "true"
            if usernames.count > 1 && !isTeamEvent {
                return request.error(400, "Slots of dynamic group events (several usernames) are not supported")
            }
            let eventType: Rows
            if eventTypeId != 0 {
                eventType = try request.run(SlotsStatements.byId, .int(eventTypeId))
            } else {
                eventType = try request.run(isTeamEvent ? SlotsStatements.byTeam : SlotsStatements.byUser,
                                            .text(usernames[0]), .text(slug))
            }
            guard eventType.count == 1, let id = eventType.int(0, 0) else { return request.error(404, "NOT_FOUND") }
            let hosts = (eventType.string(0, 1) ?? "").split(separator: ",").compactMap { Int64($0) }
            var slots: [Int64: Slot] = [:]
            for host in hosts {
                let rows = try request.run(SlotsStatements.slots, .int(host), .int(id), .node(query["startTime"]),
                                           .node(query["endTime"]), duration(query["duration"]), .node(query["timeZone"]))
                for row in 0..<rows.count {
                    guard let instant = rows.int(row, 4), slots[instant] == nil else { continue }
                    slots[instant] = Slot(day: rows.string(row, 0) ?? "", time: rows.string(row, 1) ?? "",
                                          attendees: rows.int(row, 2), bookingUid: rows.string(row, 3))
                }
            }
            write(request, slots.sorted { $0.key < $1.key }.map(\.value))
            return CALAPI_OK
        }
    }

    /// One offered start time.
    private struct Slot {
        let day: String
        let time: String
        let attendees: Int64?
        let bookingUid: String?
    }

    /// `{"slots": {"<day>": [{"time": …}, …], …}}`, days in the order of their first slot.
    private static func write(_ request: Request, _ slots: [Slot]) {
        let json = request.json
        json.beginObject()
        json.key("slots")
        json.beginObject()
        var index = 0
        while index < slots.count {
            let day = slots[index].day
            json.key(day)
            json.beginArray()
            while index < slots.count && slots[index].day == day {
                let slot = slots[index]
                json.beginObject()
                json.key("time")
                json.string(slot.time)
                if let attendees = slot.attendees {
                    json.key("attendees")
                    json.int(attendees)
                }
                if let uid = slot.bookingUid {
                    json.key("bookingUid")
                    json.string(uid)
                }
                json.endObject()
                index += 1
            }
            json.endArray()
        }
        json.endObject()
        json.endObject()
    }

    /// `usernameList` as given once (a string) or repeated (an array).
    private static func usernameList(_ node: JSONNode) -> [String] {
        if let one = node.string { return [one] }
        return node.elements.compactMap(\.string)
    }

    /// `duration` read like JavaScript's `parseInt` (NULL when it is not a number: the event type's length).
    private static func duration(_ node: JSONNode) -> Param {
        guard let text = node.string, let minutes = JavaScript.parseInt(text), minutes.isRowKey else { return .null }
        return .int(minutes)
    }

    private static func answer(_ request: Request, _ failure: DatabaseFailure) -> Int32 {
        failure == .invalidInput ? request.error(400, "custom in 'startTime': startTime must be a valid date string") : CALAPI_FAIL
    }
}
