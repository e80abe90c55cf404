import PluginSDK

/// `GET /slots` after Cal.com's `slots/_get.ts`: the start times an event type can be booked at
/// between `startTime` and `endTime`, computed per host by `AvailabilitySQL.slots` (the statement
/// `POST /bookings` checks a slot with), merged over the hosts (a slot is offered when one host can
/// take it, as `POST /bookings` places a booking with the first free host), grouped by day.
/// Slots are what the public booking page shows, so any authenticated caller may ask.
enum SlotsHandlers {
    static func get(_ request: Request<SlotsSQL>) throws -> Reply {
        let query = request.query
        let usernames = usernameList(query["usernameList"])
        let eventTypeId = query["eventTypeId"].int ?? 0
        let slug = query["eventTypeSlug"].string ?? ""
        let (start, end) = (Param.node(query["startTime"]), Param.node(query["endTime"]))
        var problems: [String] = []
        if eventTypeId == 0 && (usernames.isEmpty || slug.isEmpty) {
            problems.append("You need to either pass an eventTypeId OR an usernameList/eventTypeSlug combination")
        }
        if try request.run(.ordered, [start, end], on: invalidStart).bool(0, 0) != true {
            problems.append("custom in 'endTime': endTime must be after startTime")
        }
        if !problems.isEmpty { throw HTTPError.badRequest(problems.joined(separator: "; ")) }
        try request.requireAvailabilityPeriod(from: start, to: end, "The period from startTime to endTime", on: invalidStart)
        let isTeamEvent = query["isTeamEvent"].string?.lowercased() == "true"
        if usernames.count > 1 && !isTeamEvent {
            throw HTTPError.badRequest("Slots of dynamic group events (several usernames) are not supported")
        }
        let eventType = eventTypeId != 0 ? try request.run(.byId, .int(eventTypeId))
                                         : try request.run(isTeamEvent ? .byTeam : .byUser, .text(usernames[0]), .text(slug))
        guard eventType.count == 1, let id = eventType.int(0, 0) else { throw HTTPError.notFound("NOT_FOUND") }
        let hosts = (eventType.string(0, 1) ?? "").split(separator: ",").compactMap { Int64($0) }
        var slots: [Int64: Slot] = [:]
        for host in hosts {
            let rows = try request.run(.slots, [.int(host), .int(id), start, end, duration(query["duration"]), .node(query["timeZone"])],
                                       on: invalidStart)
            for row in 0..<rows.count {
                guard let instant = rows.int(row, 4), slots[instant] == nil else { continue }
                slots[instant] = Slot(day: rows.string(row, 0) ?? "", time: rows.string(row, 1) ?? "",
                                      attendees: rows.int(row, 2), bookingUid: rows.string(row, 3))
            }
        }
        let ordered = slots.sorted { $0.key < $1.key }.map(\.value)
        return .custom { write($0, ordered) }
    }

    private static let invalidStart: [DatabaseFailure: HTTPError] = [
        .invalidInput: .badRequest("custom in 'startTime': startTime must be a valid date string")]

    /// One offered start time.
    private struct Slot {
        let day: String
        let time: String
        let attendees: Int64?
        let bookingUid: String?
    }

    /// `{"slots": {"<day>": [{"time": …}, …], …}}`, days in the order of their first slot.
    private static func write(_ json: ResponseWriter, _ slots: [Slot]) {
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
}
