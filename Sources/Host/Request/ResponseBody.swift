/// The JSON body a handler writes through the host's json_* functions: it inserts the commas and
/// colons, so a plugin only says what comes next. One per request, used by the worker's thread.
///
/// It only ever holds well-formed JSON: a call that would break the document (a key outside an
/// object or twice in a row, a value in an object without its key, a close that does not match the
/// open container, anything after the complete document, nesting deeper than `maxDepth`, an empty
/// raw value) is ignored and recorded as `misuse`, and the host answers 500 instead of the body.
struct ResponseBody {
    /// Deepest nesting a plugin may write.
    static let maxDepth = 512

    private struct Container {
        let isObject: Bool
        var hasMember = false
    }

    private(set) var writer = JSONWriter(bytes: [])
    private var open: [Container] = []
    private var afterKey = false
    /// A whole top-level value has been written.
    private var finished = false
    /// The first rule the plugin broke, for the log; nil while the document is sound.
    private(set) var misuse: String?

    var bytes: [UInt8] { writer.bytes }
    var isEmpty: Bool { writer.bytes.isEmpty }
    /// Nothing written, or one complete value and no misuse.
    var isSound: Bool { misuse == nil && open.isEmpty && !afterKey }

    mutating func beginObject() { begin(object: true) }
    mutating func endObject() { end(object: true) }
    mutating func beginArray() { begin(object: false) }
    mutating func endArray() { end(object: false) }

    mutating func key(_ utf8: UnsafeRawBufferPointer) {
        guard misuse == nil else { return }
        guard let last = open.last, last.isObject, !afterKey else { return misused("json_key outside an object or right after a key") }
        if last.hasMember { writer.writeRaw(CollectionOfOne(UInt8(ascii: ","))) }
        open[open.count - 1].hasMember = true
        writer.writeEscaped(utf8)
        writer.writeRaw(CollectionOfOne(UInt8(ascii: ":")))
        afterKey = true
    }

    mutating func string(_ utf8: UnsafeRawBufferPointer) { if beforeValue("json_write_string") { writer.writeEscaped(utf8); afterValue() } }
    mutating func int(_ value: Int64) { if beforeValue("json_write_int") { writer.writeInt(value); afterValue() } }
    mutating func double(_ value: Double) { if beforeValue("json_write_double") { writer.writeDouble(value); afterValue() } }
    mutating func bool(_ value: Bool) { if beforeValue("json_write_bool") { writer.writeRaw((value ? "true" : "false").utf8); afterValue() } }
    mutating func null() { if beforeValue("json_write_null") { writer.writeRaw("null".utf8); afterValue() } }

    /// An already-encoded value; the plugin vouches for its syntax (it is not re-parsed, for speed).
    mutating func raw(_ utf8: UnsafeRawBufferPointer) {
        guard !utf8.isEmpty else { return misused("json_write_raw with an empty value") }
        if beforeValue("json_write_raw") { writer.writeRaw(utf8); afterValue() }
    }

    /// Throws away what was written, misuse included (an error replaces the body).
    mutating func reset() {
        writer.bytes.removeAll(keepingCapacity: true)
        open.removeAll()
        afterKey = false
        finished = false
        misuse = nil
    }

    private mutating func begin(object: Bool) {
        guard beforeValue(object ? "json_begin_object" : "json_begin_array") else { return }
        guard open.count < Self.maxDepth else { return misused("nesting deeper than \(Self.maxDepth)") }
        writer.writeRaw(CollectionOfOne(object ? UInt8(ascii: "{") : UInt8(ascii: "[")))
        open.append(Container(isObject: object))
    }

    private mutating func end(object: Bool) {
        guard misuse == nil else { return }
        let name = object ? "json_end_object" : "json_end_array"
        guard let last = open.last, last.isObject == object, !afterKey else { return misused("\(name) without a matching begin") }
        open.removeLast()
        writer.writeRaw(CollectionOfOne(object ? UInt8(ascii: "}") : UInt8(ascii: "]")))
        afterValue()
    }

    /// Whether a value may come now; writes the comma it needs.
    private mutating func beforeValue(_ name: String) -> Bool {
        guard misuse == nil else { return false }
        if afterKey {
            afterKey = false
            return true
        }
        guard let last = open.last else {
            if finished { misused("\(name) after the document was complete") }
            return !finished
        }
        guard !last.isObject else {
            misused("\(name) inside an object without a key")
            return false
        }
        if last.hasMember { writer.writeRaw(CollectionOfOne(UInt8(ascii: ","))) }
        open[open.count - 1].hasMember = true
        return true
    }

    private mutating func afterValue() {
        if open.isEmpty { finished = true }
    }

    private mutating func misused(_ what: String) {
        if misuse == nil { misuse = what }
    }
}
