import Glibc

/// The IANA zone names of the system tz database (`/usr/share/zoneinfo`), read once.
///
/// Cal.com accepts exactly the keys of the `tzdata` package's zone table; the system database
/// holds the same names (zones and links). A name is accepted when a TZif file exists for it,
/// which leaves out the `posix/` and `right/` copies and the non-zone files (`zone.tab`,
/// `localtime`, `posixrules`, `Factory`). Without a tz database every name is refused.
final class TimeZoneNames {
    /// The names found at first use; reading them costs a directory walk, done once per process.
    static let shared = TimeZoneNames(root: "/usr/share/zoneinfo")

    /// Every known zone name.
    let names: Set<String>
    /// The same names in byte order (the OpenAPI document lists them).
    let ordered: [String]
    /// Cal.com's refusal message: `Expected one of the following: ` and all names joined by ", ".
    let message: String

    init(root: String) {
        var found: [String] = []
        Self.collect(directory: root, prefix: "", depth: 0, into: &found)
        found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        names = Set(found)
        ordered = found
        message = "Expected one of the following: " + found.joined(separator: ", ")
    }

    /// Entries at the top level that hold no zone of their own.
    private static let skipped: Set<String> = ["posix", "right", "localtime", "posixrules", "Factory"]

    private static func collect(directory: String, prefix: String, depth: Int, into found: inout [String]) {
        // Zone names have at most three components (America/Argentina/Buenos_Aires); the bound
        // also stops symlink loops.
        guard depth < 3, let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(".") || (depth == 0 && skipped.contains(name)) { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                collect(directory: path, prefix: prefix + name + "/", depth: depth + 1, into: &found)
            } else if info.st_mode & S_IFMT == S_IFREG && isTZif(path) {
                found.append(prefix + name)
            }
        }
    }

    /// Whether the file starts with the TZif magic.
    private static func isTZif(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var magic: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { read(descriptor, $0.baseAddress, 4) }
        return count == 4 && magic == (0x54, 0x5A, 0x69, 0x66)
    }
}
