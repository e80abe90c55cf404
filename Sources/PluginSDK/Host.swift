/// The host's function table, kept by `Plugin.register` before anything else runs. Written once on
/// the main thread before any handler can run, read-only afterwards.
enum PluginHost {
    static var table: UnsafePointer<calapi_host_v1>!
}

/// Calls `body` with a borrowed calapi_str over the string's UTF-8 bytes.
@inline(__always)
func withCalapiString<T>(_ text: String, _ body: (calapi_str) -> T) -> T {
    var text = text
    return text.withUTF8 { utf8 in
        body(calapi_str(ptr: UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self), len: utf8.count))
    }
}

extension calapi_str {
    /// A copy as a Swift String.
    var string: String {
        guard let ptr, len > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: ptr, count: len), as: UTF8.self)
    }
}
