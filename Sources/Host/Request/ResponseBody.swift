/// The JSON body a handler writes through the host's json_* functions: it inserts the commas and
/// colons, so a plugin only says what comes next. One per request, used by the worker's thread.
struct ResponseBody {
    private(set) var writer = JSONWriter(bytes: [])
    /// One entry per open container: whether a value was already written in it.
    private var written: [Bool] = []
    private var afterKey = false

    var bytes: [UInt8] { writer.bytes }
    var isEmpty: Bool { writer.bytes.isEmpty }

    mutating func beginObject() { beforeValue(); writer.writeRaw(CollectionOfOne(UInt8(ascii: "{"))); written.append(false) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { beforeValue(); writer.writeRaw(CollectionOfOne(UInt8(ascii: "["))); written.append(false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ utf8: UnsafeRawBufferPointer) {
        separate()
        writer.writeEscaped(utf8)
        writer.writeRaw(CollectionOfOne(UInt8(ascii: ":")))
        afterKey = true
    }

    mutating func string(_ utf8: UnsafeRawBufferPointer) { beforeValue(); writer.writeEscaped(utf8) }
    mutating func int(_ value: Int64) { beforeValue(); writer.writeInt(value) }
    mutating func double(_ value: Double) { beforeValue(); writer.writeDouble(value) }
    mutating func bool(_ value: Bool) { beforeValue(); writer.writeRaw((value ? "true" : "false").utf8) }
    mutating func null() { beforeValue(); writer.writeRaw("null".utf8) }
    mutating func raw(_ utf8: UnsafeRawBufferPointer) { beforeValue(); writer.writeRaw(utf8) }

    /// Throws away what was written (an error replaces the body).
    mutating func reset() {
        writer.bytes.removeAll(keepingCapacity: true)
        written.removeAll()
        afterKey = false
    }

    private mutating func beforeValue() {
        if afterKey { afterKey = false } else { separate() }
    }

    private mutating func separate() {
        guard let last = written.last else { return }
        if last { writer.writeRaw(CollectionOfOne(UInt8(ascii: ","))) }
        written[written.count - 1] = true
    }

    private mutating func close(_ byte: UInt8) {
        guard !written.isEmpty else { return }
        written.removeLast()
        afterKey = false
        writer.writeRaw(CollectionOfOne(byte))
    }
}
