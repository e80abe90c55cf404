import Glibc

/// Reads a plugin's ELF file before `dlopen` and refuses a Swift image that carries a runtime of
/// its own (built with `-static-stdlib`): it has Swift metadata sections (`swift5_*`) but does not
/// link the shared `libswiftCore.so`. Such a plugin "works" for trivial calls and then breaks
/// when Swift types, errors or concurrency meet the host's runtime (two copies of every type).
enum PluginImageCheck {
    /// The refusal reason, or nil when the image is acceptable (C plugins have no Swift sections).
    static func problem(inFileAt path: String) -> String? {
        guard let image = readFile(path), image.count > 64, image[0] == 0x7F, image[1] == 0x45, image[2] == 0x4C, image[3] == 0x46 else {
            return nil  // not ELF: dlopen will explain
        }
        guard image[4] == 2, image[5] == 1 else { return nil }  // only 64-bit little-endian images are inspected
        func u16(_ at: Int) -> Int { at + 2 <= image.count ? Int(image[at]) | Int(image[at + 1]) << 8 : 0 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func u64(_ at: Int) -> Int { at + 8 <= image.count ? u32(at) | u32(at + 4) << 32 : 0 }

        let sectionTable = u64(0x28), entrySize = u16(0x3A), count = u16(0x3C), namesIndex = u16(0x3E)
        guard entrySize >= 64, count > 0, namesIndex < count, sectionTable + count * entrySize <= image.count else { return nil }
        func section(_ index: Int) -> (name: Int, type: Int, offset: Int, size: Int, link: Int) {
            let base = sectionTable + index * entrySize
            return (u32(base), u32(base + 4), u64(base + 0x18), u64(base + 0x20), u32(base + 0x28))
        }
        func string(_ table: Int, _ at: Int) -> String {
            var end = table + at
            while end < image.count && image[end] != 0 { end += 1 }
            return table + at < end ? String(decoding: image[(table + at)..<end], as: UTF8.self) : ""
        }
        let names = section(namesIndex).offset
        var hasSwiftMetadata = false
        var linksSwiftCore = false
        for index in 0..<count {
            let entry = section(index)
            if string(names, entry.name).hasPrefix("swift5_") { hasSwiftMetadata = true }
            guard entry.type == 6, entry.link < count else { continue }  // SHT_DYNAMIC
            let strings = section(entry.link).offset
            for at in stride(from: entry.offset, to: min(entry.offset + entry.size, image.count - 15), by: 16)
            where u64(at) == 1 && string(strings, u64(at + 8)).hasPrefix("libswiftCore.so") {  // DT_NEEDED
                linksSwiftCore = true
            }
        }
        guard hasSwiftMetadata, !linksSwiftCore else { return nil }
        return "a Swift plugin built with its own runtime (-static-stdlib); build it against the shared Swift runtime"
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
