import CalapiPluginAPI

/// The envelopes that carry Cal.com's success messages.
extension ResponseWriter {
    /// `{"message": text}`, as deletes answer.
    public func message(_ text: String) {
        beginObject()
        key("message")
        string(text)
        endObject()
    }

    /// `{"<key>": <json>, "message": text}`, as creates answer.
    public func envelope(_ key: String, _ json: calapi_str, message text: String) {
        beginObject()
        self.key(key)
        raw(json)
        self.key("message")
        string(text)
        endObject()
    }
}
