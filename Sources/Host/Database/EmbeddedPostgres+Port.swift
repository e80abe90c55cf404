import Foundation

extension EmbeddedPostgres {
    /// The port to start on: the requested one, else the remembered one while it is free, else a fresh
    /// free port (then remembered in `portFile`).
    func choosePort() throws -> UInt16 {
        if requestedPort != 0 {
            guard Self.bindLoopback(port: requestedPort) != nil else {
                throw Failure(message: "port \(requestedPort) on 127.0.0.1 is already in use; choose another port for the private PostgreSQL")
            }
            return requestedPort
        }
        if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
           let remembered = UInt16(text.trimmingCharacters(in: .whitespacesAndNewlines)), remembered != 0,
           Self.bindLoopback(port: remembered) != nil {
            return remembered
        }
        guard let fresh = Self.bindLoopback(port: 0) else {
            throw Failure(message: "could not find a free TCP port on 127.0.0.1")
        }
        try writeFile(portFile, "\(fresh)\n", mode: 0o644, owner: nil)
        return fresh
    }

    /// Binds a TCP socket to 127.0.0.1:`port` (0 = any) and closes it again: the port that was bound,
    /// or nil when that port is taken. SO_REUSEADDR, as PostgreSQL itself sets it, so a port whose
    /// old connections linger in TIME_WAIT after a crash still counts as free.
    static func bindLoopback(port: UInt16) -> UInt16? {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return nil }
        defer { close(socketDescriptor) }
        var reuse: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketDescriptor, generic, length) == 0 && getsockname(socketDescriptor, generic, &length) == 0
            }
        }
        return bound ? UInt16(bigEndian: address.sin_port) : nil
    }
}
