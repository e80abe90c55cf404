import PluginSDK

/// Handlers of the Availabilities plugin.
enum AvailabilitiesHandlers {
    /// A value the validators let through but PostgreSQL cannot store (e.g. a year-only date, a day out of range).
    private static let invalidTime = HTTPError.badRequest("Bad request: startTime, endTime and date must be ISO dates or times, and days integers")

    /// `POST /availabilities`: on a schedule of the caller (401 otherwise), or any for an admin.
    static func create(_ request: Request<AvailabilitiesSQL>) throws -> Reply {
        let body = request.body
        let schedule = body["scheduleId"].int ?? 0
        if !request.isAdmin, try request.run(.scheduleOwned, .int(schedule), .int(request.userId)).count == 0 {
            throw HTTPError.unauthorized("You can't add availabilities to this schedule")
        }
        let rows = try request.run(.insert, body.json, on: [
            .foreignKeyViolation: .badRequest("Bad request: schedule with id: \(schedule) does not exist"), .invalidInput: invalidTime])
        return .created("availability", rows.json(), message: "Availability created successfully")
    }

    /// `PATCH /availabilities/{id}`: times, days and date; never the schedule.
    static func update(_ request: Request<AvailabilitiesSQL>) throws -> Reply {
        let id = try request.id(or: notFound(request))
        let rows = try request.run(.update, .int(id), request.body.json, request.callerScope, on: [.invalidInput: invalidTime])
        guard rows.count == 1 else { throw notFound(request) }
        return .envelope("availability", rows.json())
    }

    static func notFound(_ request: Request<AvailabilitiesSQL>) -> HTTPError {
        .notFound("Availability with id: \(request.id ?? 0) not found")
    }
}
