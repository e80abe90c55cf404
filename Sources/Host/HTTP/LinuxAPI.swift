import Glibc

/// The Linux calls the Swift `Glibc` module does not import: `<sys/epoll.h>`, `<sys/eventfd.h>` and the GNU
/// `accept4`. They are looked up once in the C library with `dlsym` and called through C function pointers,
/// which keeps the host free of a C shim target.
///
/// Thread-safe: the function table is a lazily initialised global (Swift runs that exactly once); the
/// functions themselves are the kernel's and may be called from any thread.
enum LinuxAPI {
    static let epollIn: UInt32 = 0x001
    static let epollOut: UInt32 = 0x004
    static let epollErr: UInt32 = 0x008
    static let epollHup: UInt32 = 0x010
    static let epollExclusive: UInt32 = 1 << 28

    static let epollAdd: Int32 = 1
    static let epollDelete: Int32 = 2
    static let epollModify: Int32 = 3

    /// `struct epoll_event` is packed on x86-64 (12 bytes, data at offset 4) and naturally aligned elsewhere.
    #if arch(x86_64)
    static let epollEventSize = 12
    static let epollDataOffset = 4
    #else
    static let epollEventSize = 16
    static let epollDataOffset = 8
    #endif

    private typealias EpollCreate1 = @convention(c) (Int32) -> Int32
    private typealias EpollCtl = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias EpollWait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    private typealias EventFD = @convention(c) (UInt32, Int32) -> Int32
    private typealias Accept4 = @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32

    private struct Functions {
        let epollCreate1: EpollCreate1
        let epollCtl: EpollCtl
        let epollWait: EpollWait
        let eventfd: EventFD
        let accept4: Accept4

        init() {
            let libc = dlopen(nil, RTLD_NOW)
            func resolve<F>(_ name: String, as type: F.Type) -> F {
                guard let symbol = dlsym(libc, name) else { fatalError("the C library has no \(name)") }
                return unsafeBitCast(symbol, to: type)
            }
            epollCreate1 = resolve("epoll_create1", as: EpollCreate1.self)
            epollCtl = resolve("epoll_ctl", as: EpollCtl.self)
            epollWait = resolve("epoll_wait", as: EpollWait.self)
            eventfd = resolve("eventfd", as: EventFD.self)
            accept4 = resolve("accept4", as: Accept4.self)
        }
    }

    private static let functions = Functions()

    /// A new epoll set, close-on-exec; -1 and `errno` on failure.
    static func epollCreate() -> Int32 {
        functions.epollCreate1(O_CLOEXEC)
    }

    /// `epoll_ctl` with an event built from `events` and the 64-bit `data` word; -1 and `errno` on failure.
    static func epollControl(_ epoll: Int32, _ operation: Int32, _ fd: Int32, events: UInt32, data: UInt64) -> Int32 {
        withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: data, toByteOffset: epollDataOffset, as: UInt64.self)
            return functions.epollCtl(epoll, operation, fd, event.baseAddress)
        }
    }

    /// Waits for events into `buffer` (room for `capacity` events); the count, or -1 and `errno`.
    static func epollWait(_ epoll: Int32, _ buffer: UnsafeMutableRawBufferPointer, capacity: Int, timeoutMilliseconds: Int32) -> Int32 {
        functions.epollWait(epoll, buffer.baseAddress, Int32(capacity), timeoutMilliseconds)
    }

    /// The event mask and data word of event `index` in a buffer filled by `epollWait`.
    static func event(at index: Int, in buffer: UnsafeMutableRawBufferPointer) -> (events: UInt32, data: UInt64) {
        let base = index * epollEventSize
        return (buffer.loadUnaligned(fromByteOffset: base, as: UInt32.self),
                buffer.loadUnaligned(fromByteOffset: base + epollDataOffset, as: UInt64.self))
    }

    /// A non-blocking, close-on-exec eventfd with counter 0; -1 and `errno` on failure.
    static func eventFD() -> Int32 {
        functions.eventfd(0, O_NONBLOCK | O_CLOEXEC)
    }

    /// Accepts one connection as a non-blocking, close-on-exec socket; -1 and `errno` when none is waiting.
    static func acceptNonBlocking(_ listener: Int32) -> Int32 {
        functions.accept4(listener, nil, nil, O_NONBLOCK | O_CLOEXEC)
    }
}
