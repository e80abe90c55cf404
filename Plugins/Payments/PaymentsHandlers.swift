import CalapiPluginAPI
import PluginSDK

/// Handlers of `/payments`. Cal.com grants no admin bypass here: admins see only the payments of
/// their own bookings, like everyone else.
enum PaymentsHandlers {
    /// `GET /payments`: every payment of a booking the caller organizes.
    static func list(_ request: Request) -> Int32 {
        request.respondWithList("payments", PaymentsStatements.listOwn, [.int(request.userId)])
    }

    /// `GET /payments/{id}`: a payment of a booking the caller organizes; 404 otherwise, whether it
    /// exists or not (Cal.com answered 401 for someone else's, which told that it exists).
    static func get(_ request: Request) -> Int32 {
        var found: Rows?
        if let id = request.pathId() {
            guard let rows = try? request.run(PaymentsStatements.find, .int(id), .int(request.userId)) else { return CALAPI_FAIL }
            found = rows
        }
        guard let found, found.count == 1 else {
            return request.error(404, "Payment with id: \(request.pathId().map(String.init) ?? request.pathParameter("id")) not found")
        }
        request.json.envelope("payment", found.text(0, 0))
        return CALAPI_OK
    }
}
