import CalapiPluginAPI
import PluginSDK

/// Handlers of the Availabilities plugin. Each returns CALAPI_OK once it answered (a body or an
/// error), and CALAPI_FAIL only for a database failure the host should report.
enum AvailabilitiesHandlers {
    /// `POST /availabilities`: on a schedule of the caller (401 otherwise), or any for an admin.
    static func create(_ request: Request) -> Int32 {
        let body = request.body
        guard let schedule = body["scheduleId"].int else { return CALAPI_FAIL }
        if !request.isAdmin {
            guard let owned = try? request.run(AvailabilitiesStatements.scheduleOwned, .int(schedule), .int(request.userId)) else {
                return CALAPI_FAIL
            }
            if owned.count == 0 { return request.error(401, "You can't add availabilities to this schedule") }
        }
        do {
            let rows = try request.run(AvailabilitiesStatements.insert, body.json)
            request.json.envelope("availability", rows.text(0, 0), message: "Availability created successfully")
            return CALAPI_OK
        } catch DatabaseFailure.foreignKeyViolation {
            return request.error(400, "Bad request: schedule with id: \(schedule) does not exist")
        } catch DatabaseFailure.invalidInput {
            return invalidTime(request)
        } catch {
            return CALAPI_FAIL
        }
    }

    /// The `[id]` middleware: a non-admin only reaches rows of their own schedules (404 otherwise),
    /// checked before the body. The handlers' statements apply the same owner condition.
    static func authorizeTarget(_ request: Request) -> Int32 {
        guard !request.isAdmin, let id = request.pathId() else { return CALAPI_OK }
        guard let rows = try? request.run(AvailabilitiesStatements.owned, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        if rows.count == 0 { notFound(request, id) }
        return CALAPI_OK
    }

    /// `GET /availabilities/{id}`.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(AvailabilitiesStatements.find, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return notFound(request, id) }
        request.json.envelope("availability", rows.text(0, 0))
        return CALAPI_OK
    }

    /// `PATCH /availabilities/{id}`: times, days and date; never the schedule.
    static func update(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        do {
            let rows = try request.run(AvailabilitiesStatements.update, .int(id), request.body.json, request.callerScope)
            guard rows.count == 1 else { return notFound(request, id) }
            request.json.envelope("availability", rows.text(0, 0))
            return CALAPI_OK
        } catch DatabaseFailure.invalidInput {
            return invalidTime(request)
        } catch {
            return CALAPI_FAIL
        }
    }

    /// `DELETE /availabilities/{id}`.
    static func delete(_ request: Request) -> Int32 {
        guard let id = request.pathId() else { return CALAPI_FAIL }
        guard let rows = try? request.run(AvailabilitiesStatements.delete, .int(id), request.callerScope) else { return CALAPI_FAIL }
        guard rows.affected == 1 else { return notFound(request, id) }
        request.json.message("Availability with id: \(id) deleted successfully")
        return CALAPI_OK
    }

    @discardableResult
    private static func notFound(_ request: Request, _ id: Int64) -> Int32 {
        request.error(404, "Availability with id: \(id) not found")
    }

    /// A value the validators let through but PostgreSQL cannot store (e.g. a year-only date, a day out of range).
    private static func invalidTime(_ request: Request) -> Int32 {
        request.error(400, "Bad request: startTime, endTime and date must be ISO dates or times, and days integers")
    }
}
