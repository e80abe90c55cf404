import CalapiPluginAPI
import Glibc

/// Reads and checks a plugin's magic block, field by field, each mismatch with its own message
/// (the most useful difference first, as PostgreSQL reports incompatible modules).
enum PluginMagicCheck {
    struct Identity {
        let name: String
        let version: String
        let builtBy: String
    }

    /// Size of the 1.0 block: anything smaller is corrupt or hand-rolled.
    private static let minimumSize = 40

    static func read(handle: UnsafeMutableRawPointer, file: String) throws -> Identity {
        guard let symbol = dlsym(handle, "calapi_plugin_magic") else {
            throw PluginLoadError(file: file, problem: "not a calapi plugin (no calapi_plugin_magic symbol)",
                                  hint: "Plugins must export calapi_plugin_magic; see Sources/PluginAPI/include/calapi_plugin.h")
        }
        // Typed as returning an optional: a broken plugin may hand back NULL, which must not crash the host.
        let function = unsafeBitCast(symbol, to: (@convention(c) () -> UnsafePointer<calapi_magic>?).self)
        guard let block = function()?.pointee else {
            throw PluginLoadError(file: file, problem: "not a calapi plugin (calapi_plugin_magic returned NULL)")
        }
        guard block.magic == CALAPI_MAGIC else {
            throw PluginLoadError(file: file, problem: "not a calapi plugin (wrong magic number)")
        }
        guard block.abi_major == UInt16(CALAPI_ABI_MAJOR) else {
            throw PluginLoadError(file: file,
                problem: "ABI version mismatch: calapi implements plugin ABI \(CALAPI_ABI_MAJOR).\(CALAPI_ABI_MINOR); the plugin was built for ABI \(block.abi_major).\(block.abi_minor)",
                hint: "Rebuild the plugin against Sources/PluginAPI from this calapi release")
        }
        guard block.abi_minor <= UInt16(CALAPI_ABI_MINOR) else {
            throw PluginLoadError(file: file,
                problem: "the plugin needs plugin ABI \(block.abi_major).\(block.abi_minor), newer than this calapi's \(CALAPI_ABI_MAJOR).\(CALAPI_ABI_MINOR)",
                hint: "Upgrade calapi or rebuild the plugin against this release's header")
        }
        guard Int(block.struct_size) >= minimumSize else {
            throw PluginLoadError(file: file, problem: "corrupt magic block (size \(block.struct_size), expected at least \(minimumSize))")
        }
        let name = String(cString: block.name)
        guard Registration.isResourceName(name) else {
            throw PluginLoadError(file: file, problem: "the magic block has no valid plugin name (lower-case letters, digits, dashes)")
        }
        return Identity(name: name, version: String(cString: block.version), builtBy: String(cString: block.built_by))
    }
}
