import Dispatch
import Foundation
import Glibc
import XCTest
@testable import Host

/// A blocking raw-socket HTTP/1.1 client for the server tests: writes bytes exactly as given and reads
/// responses by `Content-Length`, keeping whatever follows for the next read. Every read gives up after
/// `timeout` seconds, so a broken server fails a test instead of hanging it.
final class HTTPTestClient {
    private(set) var fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, timeout: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError(message: "socket: \(String(cString: strerror(errno)))") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw HTTPServerError(message: "connect: \(reason)")
        }
    }

    deinit {
        close()
    }

    /// Closes the connection (as a client done with it would).
    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Writes all of `bytes`; false if the connection refused them.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    func shutdownWriting() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// The next response, or nil if the connection ended or went quiet first. `forHead`: the request was HEAD.
    func readResponse(forHead: Bool = false) -> HTTPTestResponse? {
        var headEnd = findHeadEnd()
        while headEnd == nil {
            guard receiveMore() else { return nil }
            headEnd = findHeadEnd()
        }
        guard let end = headEnd,
              let text = String(bytes: buffer[0..<end], encoding: .utf8) else { return nil }
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else { return nil }
        let headers: [(String, String)] = lines.filter { !$0.isEmpty }.map { line in
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        var response = HTTPTestResponse(status: status, reason: statusLine.count > 2 ? statusLine[2] : "", headers: headers, body: [])
        buffer.removeFirst(end + 4)
        let length = forHead || status < 200 || status == 204 || status == 304 ? 0 : Int(response.header("Content-Length") ?? "") ?? 0
        while buffer.count < length {
            guard receiveMore() else { return nil }
        }
        response.body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return response
    }

    /// True if the server closes the connection within the read timeout without sending anything more.
    func closesWithoutData() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    /// Everything until the server closes (or the read timeout).
    func readToEnd() -> [UInt8] {
        while receiveMore() {}
        defer { buffer = [] }
        return buffer
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func receiveMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}

/// A response as read by `HTTPTestClient`.
struct HTTPTestResponse {
    var status: Int
    var reason: String
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or an empty one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

/// The handler of the server tests. Echoes the request as JSON, except for these paths:
/// `/slow?ms=N` answers the echo from another thread after N ms; `/close` echoes with `Connection: close`;
/// `/big?n=N` answers N bytes; `/drop` releases the sink without answering.
final class HTTPEchoHandler: HTTPRequestHandler {
    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        switch request.path {
        case "/slow":
            let milliseconds = Int(request.query.replacingOccurrences(of: "ms=", with: "")) ?? 200
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                sink.send(HTTPEchoHandler.echo(request))
            }
        case "/close":
            var response = HTTPEchoHandler.echo(request)
            response.headers.append((name: "Connection", value: "close"))
            sink.send(response)
        case "/big":
            let count = Int(request.query.replacingOccurrences(of: "n=", with: "")) ?? 0
            sink.send(HTTPResponse(status: 200, headers: [], body: (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }))
        case "/drop":
            break
        default:
            sink.send(HTTPEchoHandler.echo(request))
        }
    }

    static func echo(_ request: HTTPRequest) -> HTTPResponse {
        let object: [String: Any] = [
            "method": request.method.name,
            "path": request.path,
            "query": request.query,
            "headers": request.headers.all.map { [$0.name, $0.value] },
            "body": String(decoding: request.body, as: UTF8.self),
            "keepAlive": request.keepAlive,
        ]
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return HTTPResponse(status: 200, headers: [(name: "Content-Type", value: "application/json")], body: Array(body))
    }
}

extension XCTestCase {
    /// Starts a server on 127.0.0.1 with a free port, stopped when the test ends.
    func startHTTPServer(handler: HTTPRequestHandler = HTTPEchoHandler(),
                         _ configure: (inout HTTPServerConfig) -> Void = { _ in }) throws -> HTTPServer {
        var config = HTTPServerConfig()
        config.port = 0
        configure(&config)
        let server = HTTPServer(config: config, handler: handler)
        try server.start()
        addTeardownBlock { server.stop(deadlineSeconds: 0) }
        return server
    }

    /// Asserts that `response` is the server's own JSON refusal with `status`, closing the connection.
    func assertHTTPRefusal(_ response: HTTPTestResponse?, status: Int, file: StaticString = #filePath, line: UInt = #line) {
        guard let response else { return XCTFail("no response", file: file, line: line) }
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "application/json", file: file, line: line)
        XCTAssertEqual(response.header("Connection"), "close", file: file, line: line)
        XCTAssertEqual(response.header("Content-Length"), String(response.body.count), file: file, line: line)
        XCTAssertNotNil(response.json["message"] as? String, response.text, file: file, line: line)
    }
}

/// SplitMix64: a small deterministic generator, so a failing fuzz case can be reproduced from its seed.
struct HTTPFuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
