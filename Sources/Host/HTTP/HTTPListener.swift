import Glibc

/// Opens the server's listening socket: non-blocking, close-on-exec, `SO_REUSEADDR`, bound to a host name
/// or address and a port (0 = any free port).
///
/// With `reusePort`, the socket also sets `SO_REUSEPORT`, so a second calapi (same user) can listen on the
/// same port while the first drains, and attaches a one-instruction classic BPF program to the port's
/// group: "take the socket at index 1". The kernel orders a group by joining time and falls back to its
/// hash when the index is out of range, so one process alone gets every connection, and as soon as a
/// second one listens, every new connection goes to it; the older one's accept queue stops growing,
/// and it can accept what is queued and close its socket without a connection being reset.
///
/// Called once from `HTTPServer.start()`; the caller owns the returned descriptor.
enum HTTPListener {
    /// A listening socket for `host`:`port`, or an error naming the address and the system's reason.
    static func open(host: String, port: UInt16, backlog: Int32, reusePort: Bool = false) throws -> Int32 {
        let label = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw HTTPServerError(message: "cannot listen on \(label): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }

        var reason = "no usable address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype | O_NONBLOCK | O_CLOEXEC,
                            address.pointee.ai_protocol)
            guard fd >= 0 else {
                reason = String(cString: strerror(errno))
                continue
            }
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if reusePort {
                setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            if bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0, listen(fd, backlog) == 0,
               !reusePort || steerToNewest(fd) {
                return fd
            }
            reason = String(cString: strerror(errno))
            close(fd)
        }
        throw HTTPServerError(message: "cannot listen on \(label): \(reason)")
    }

    /// `SO_ATTACH_REUSEPORT_CBPF` with the program `ret #1` (`BPF_RET | BPF_K`); see the type's comment.
    private static func steerToNewest(_ fd: Int32) -> Bool {
        let attachReusePortCBPF: Int32 = 51
        // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }: one instruction, 8 bytes.
        return withUnsafeTemporaryAllocation(byteCount: 8, alignment: 8) { filter in
            filter.storeBytes(of: 0, toByteOffset: 0, as: UInt64.self)
            filter.storeBytes(of: 0x06, toByteOffset: 0, as: UInt16.self)
            filter.storeBytes(of: 1, toByteOffset: 4, as: UInt32.self)
            // struct sock_fprog { u16 len; struct sock_filter *filter; }: 16 bytes on 64-bit Linux.
            return withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { program in
                program.storeBytes(of: 0, toByteOffset: 0, as: UInt64.self)
                program.storeBytes(of: 1, toByteOffset: 0, as: UInt16.self)
                program.storeBytes(of: filter.baseAddress!, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
                return setsockopt(fd, SOL_SOCKET, attachReusePortCBPF, program.baseAddress, 16) == 0
            }
        }
    }

    /// The port a bound socket actually uses (the kernel's choice when 0 was asked).
    static func port(of fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return 0 }
        return withUnsafePointer(to: &storage) { pointer in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default:
                0
            }
        }
    }
}
