import CalapiPluginAPI

/// The `{"message": …}` bodies Cal.com answers with.
extension ResponseWriter {
    /// `{"message": text}` (deletes, cancellations); returns CALAPI_OK so a handler can
    /// `return request.json.message(…)`.
    @discardableResult
    public func message(_ text: String) -> Int32 {
        beginObject()
        key("message")
        string(text)
        endObject()
        return CALAPI_OK
    }

    /// `{"<key>": <json>, "message": text}`: Cal.com's answer to a create.
    public func envelope(_ key: String, _ json: calapi_str, message text: String) {
        beginObject()
        self.key(key)
        raw(json)
        self.key("message")
        string(text)
        endObject()
    }
}
