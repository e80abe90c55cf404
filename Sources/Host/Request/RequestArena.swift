import Glibc

/// Bump allocator for one request: plugin allocations, JSON node tapes and strings handed to
/// plugins live here and are released together when the request's context is freed.
/// Used by one thread at a time (the worker running the request).
final class RequestArena {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private static let blockSize = 8 * 1024

    deinit { blocks.forEach { free($0) } }

    /// `size` zeroed bytes aligned to 16, or nil when memory is exhausted.
    func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = max(16, (size + 15) & ~15)
        if rounded > remaining {
            let blockSize = max(rounded, RequestArena.blockSize)
            guard let block = calloc(1, blockSize) else { return nil }
            blocks.append(block)
            cursor = block
            remaining = blockSize
        }
        guard let pointer = cursor else { return nil }
        cursor = pointer + rounded
        remaining -= rounded
        return pointer
    }

    /// Copies UTF-8 bytes into the arena, NUL-terminated, and returns them as a calapi string.
    func copy(_ bytes: UnsafeRawBufferPointer) -> (pointer: UnsafePointer<CChar>?, count: Int) {
        guard let target = allocate(bytes.count + 1) else { return (nil, 0) }
        if let base = bytes.baseAddress, bytes.count > 0 { target.copyMemory(from: base, byteCount: bytes.count) }
        return (UnsafePointer(target.assumingMemoryBound(to: CChar.self)), bytes.count)
    }
}
