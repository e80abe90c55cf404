import CalapiPluginAPI

/// The host's function table, stored by the plugin's init entry point before anything else runs.
/// Written once on the main thread before any handler can run, read-only afterwards.
public enum PluginHost {
    public internal(set) static var table: UnsafePointer<calapi_host_v1>!

    /// Keeps the table; call first thing in `calapi_plugin_init_v1`.
    public static func install(_ table: UnsafePointer<calapi_host_v1>) { self.table = table }
}

/// A magic block for `calapi_plugin_magic`, allocated once and never freed.
public func makePluginMagic(name: StaticString, version: StaticString) -> UnsafePointer<calapi_magic> {
    let block = UnsafeMutablePointer<calapi_magic>.allocate(capacity: 1)
    let builtBy: StaticString = "swift"
    block.initialize(to: calapi_magic(
        magic: CALAPI_MAGIC, struct_size: UInt32(MemoryLayout<calapi_magic>.size),
        abi_major: UInt16(CALAPI_ABI_MAJOR), abi_minor: UInt16(CALAPI_ABI_MINOR), flags: 0,
        name: UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self),
        version: UnsafeRawPointer(version.utf8Start).assumingMemoryBound(to: CChar.self),
        built_by: UnsafeRawPointer(builtBy.utf8Start).assumingMemoryBound(to: CChar.self)))
    return UnsafePointer(block)
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
