import CalapiPluginAPI
import PluginSDK

/// Handlers of `/payments`. Cal.com grants no admin bypass here: admins see only the payments of
/// their own bookings, like everyone else.
enum PaymentsHandlers {
    /// `GET /payments`: every payment of a booking the caller organizes.
    static func list(_ request: Request) -> Int32 {
        request.respondWithList("payments", PaymentsStatements.listOwn, [.int(request.userId)])
    }

    /// `GET /payments/{id}`: 404 when missing, 401 when the booking is someone else's.
    static func get(_ request: Request) -> Int32 {
        guard let id = request.numericIdParameter("id") else { return CALAPI_OK }
        guard let rows = try? request.run(PaymentsStatements.find, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
        guard rows.count == 1 else { return request.error(404, "Payment with id: \(id) not found") }
        guard rows.bool(0, 1) == true else { return request.error(401, "Unauthorized") }
        request.json.envelope("payment", rows.text(0, 0))
        return CALAPI_OK
    }
}
