import Foundation
import Glibc

/// A deliberately small blocking HTTP/1.1 client over one TCP connection, so tests control exactly
/// what goes on the wire (keep-alive, pipelining, malformed requests).
final class HTTPClient {
    struct Response {
        let status: Int
        let headers: [(String, String)]
        let body: Data

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    private var fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { Glibc.close(fd); throw TestFailure("cannot connect to port \(port)") }
    }

    deinit { close() }

    /// Closes the connection (as a client that gives up would).
    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Sends raw bytes.
    func send(_ text: String) { sendBytes(Array(text.utf8)) }

    func sendBytes(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Sends one request with a JSON body (when given) and reads the response.
    func request(_ method: String, _ path: String, body: Any? = nil, headers: [String: String] = [:]) throws -> Response {
        send(HTTPClient.format(method, path, body: body, headers: headers))
        return try readResponse(method: method)
    }

    static func format(_ method: String, _ path: String, body: Any? = nil, headers: [String: String] = [:]) -> String {
        var bodyText = ""
        if let body {
            if let text = body as? String { bodyText = text } else {
                bodyText = String(decoding: try! JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed]), as: UTF8.self)
            }
        }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if body != nil { head += "Content-Type: application/json\r\nContent-Length: \(bodyText.utf8.count)\r\n" }
        return head + "\r\n" + bodyText
    }

    /// Reads one response (Content-Length or until close); throws when the connection closes first.
    func readResponse(method: String = "GET") throws -> Response {
        var headEnd: Int?
        while headEnd == nil {
            if let index = find(Array("\r\n\r\n".utf8)) { headEnd = index; break }
            guard try fill() else { throw TestFailure("connection closed before a response") }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestFailure("bad status line: \(head)") }
        let headers = lines.map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "") ?? 0
        let bodyLength = method == "HEAD" || status == 100 || status == 204 || status == 304 ? 0 : length
        while buffer.count < bodyLength {
            guard try fill() else { throw TestFailure("connection closed inside a body") }
        }
        let body = Data(buffer[0..<bodyLength])
        buffer.removeFirst(bodyLength)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closed the connection (reads EOF) within the socket timeout.
    func isClosedByPeer() -> Bool {
        (try? fill()) == false
    }

    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count < 0 { throw TestFailure("read failed or timed out (errno \(errno))") }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for index in 0...(buffer.count - needle.count) where buffer[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// A test-harness failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
