import Glibc
import CalapiPluginAPI

extension calapi_str {
    /// The empty string (ptr NULL, len 0), which the header uses for "absent".
    static let empty = calapi_str(ptr: nil, len: 0)

    /// The bytes as a Swift String (invalid UTF-8 is repaired).
    var string: String {
        guard let ptr, len > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: ptr, count: len), as: UTF8.self)
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: ptr, count: ptr == nil ? 0 : len) }

    /// Compares with a Swift string without allocating.
    func equals(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == len && (len == 0 || memcmp(utf8.baseAddress!, ptr!, len) == 0)
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
