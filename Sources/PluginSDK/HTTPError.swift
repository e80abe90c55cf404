/// The one error a handler or access check throws to answer a client: a status and Cal.com's
/// message (`{"message": …}`), plus any further string members of the answer. A `DatabaseFailure`
/// a handler does not turn into an `HTTPError` is the host's to answer (503, a fixed 4xx, or 500).
public struct HTTPError: Error, Equatable {
    public let status: UInt32
    public let message: String
    /// Members written after `message`, in order (e.g. a booking refusal's `reason`).
    public let details: [Detail]

    public struct Detail: Equatable {
        let key: String
        let value: String
    }

    public init(_ status: UInt32, _ message: String, details: KeyValuePairs<String, String> = [:]) {
        self.status = status
        self.message = message
        self.details = details.map { Detail(key: $0.key, value: $0.value) }
    }

    /// 403 `Forbidden`.
    public static let forbidden = HTTPError(403, "Forbidden")
    public static func badRequest(_ message: String) -> HTTPError { HTTPError(400, message) }
    public static func unauthorized(_ message: String) -> HTTPError { HTTPError(401, message) }
    public static func forbidden(_ message: String) -> HTTPError { HTTPError(403, message) }
    public static func notFound(_ message: String) -> HTTPError { HTTPError(404, message) }

    /// Replaces the response with this error.
    func answer(_ raw: OpaquePointer) {
        guard !details.isEmpty else {
            withCalapiString(message) { _ = PluginHost.table.pointee.error(raw, status, $0) }
            return
        }
        PluginHost.table.pointee.set_status(raw, status)
        let json = ResponseWriter(raw: raw)
        json.beginObject()
        json.key("message")
        json.string(message)
        for detail in details {
            json.key(detail.key)
            json.string(detail.value)
        }
        json.endObject()
    }
}
