import CalapiPluginAPI

extension ResponseWriter {
    /// `{"message": text}`: Cal.com's answer to a successful delete.
    public func message(_ text: String) {
        beginObject()
        key("message")
        string(text)
        endObject()
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
