/// Writes the response body; the host inserts commas and escapes strings.
public struct ResponseWriter {
    let raw: OpaquePointer
    private var host: calapi_host_v1 { PluginHost.table.pointee }

    public func beginObject() { host.json_begin_object(raw) }
    public func endObject() { host.json_end_object(raw) }
    public func beginArray() { host.json_begin_array(raw) }
    public func endArray() { host.json_end_array(raw) }
    public func key(_ name: String) { withCalapiString(name) { host.json_key(raw, $0) } }
    public func string(_ value: String) { withCalapiString(value) { host.json_write_string(raw, $0) } }
    public func int(_ value: Int64) { host.json_write_int(raw, value) }
    public func bool(_ value: Bool) { host.json_write_bool(raw, value ? 1 : 0) }
    public func null() { host.json_write_null(raw) }
    /// An already-encoded JSON value, e.g. a column PostgreSQL built with `row_to_json`.
    public func raw(_ json: JSONText) { host.json_write_raw(raw, json.text) }
}
