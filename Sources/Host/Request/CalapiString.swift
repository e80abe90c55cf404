import Glibc
import CalapiPluginAPI

extension calapi_str {
    /// The empty string (ptr NULL, len 0), which the header uses for "absent".
    static let empty = calapi_str(ptr: nil, len: 0)

    /// The bytes a plugin handed over. A NULL `ptr` reads as empty whatever `len` says, and so does
    /// a `len` of 2^63 or more (negative once imported as `Int`), so no length can trap the host.
    var bytes: UnsafeRawBufferPointer {
        guard let ptr, len > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: ptr, count: len)
    }

    /// The bytes as a Swift String (invalid UTF-8 is repaired).
    var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes as UTF-8 fit for JSON output: as they are when well-formed, else repaired
    /// (each ill-formed sequence becomes U+FFFD).
    func withValidUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let raw = bytes
        let units = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
        if UTF8Validation.isValid(units) { return body(raw) }
        var repaired = string
        return repaired.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// Compares with a Swift string without allocating.
    func equals(_ text: String) -> Bool {
        var text = text
        let mine = bytes
        return text.withUTF8 { utf8 in
            utf8.count == mine.count && (mine.count == 0 || memcmp(utf8.baseAddress!, mine.baseAddress!, mine.count) == 0)
        }
    }
}

extension RequestArena {
    /// A copy of `text` that lives as long as the request.
    func string(_ text: String) -> calapi_str {
        var text = text
        let copied = text.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
        return calapi_str(ptr: copied.pointer, len: copied.count)
    }
}
