import CalapiPluginAPI

/// The `{"message": …}` success body many Cal.com routes answer with (deletes, cancellations).
extension ResponseWriter {
    /// Writes `{"message": text}`; returns CALAPI_OK so a handler can `return request.json.message(…)`.
    @discardableResult
    public func message(_ text: String) -> Int32 {
        beginObject()
        key("message")
        string(text)
        endObject()
        return CALAPI_OK
    }
}
