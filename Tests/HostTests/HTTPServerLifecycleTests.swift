import Dispatch
import Foundation
import Glibc
import XCTest
@testable import Host

/// Starting, load across I/O threads, and graceful stopping.
final class HTTPServerLifecycleTests: XCTestCase {
    func testManyConcurrentConnectionsAreAllAnswered() throws {
        let server = try startHTTPServer { $0.ioThreads = 2 }
        let clients = try (0..<200).map { _ in try HTTPTestClient(port: server.boundPort) }
        for (index, client) in clients.enumerated() {
            let path = index % 10 == 0 ? "/slow?ms=50" : "/client/\(index)"
            client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
        }
        for (index, client) in clients.enumerated() {
            let response = client.readResponse()
            XCTAssertEqual(response?.status, 200, "client \(index)")
            XCTAssertEqual(response?.json["path"] as? String, index % 10 == 0 ? "/slow" : "/client/\(index)")
        }
        // Every connection stays usable.
        for client in clients.prefix(20) {
            client.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/again")
        }
    }

    func testConnectionsBeyondTheLimitAreClosed() throws {
        let server = try startHTTPServer { $0.limits.maxConnections = 2 }
        let first = try HTTPTestClient(port: server.boundPort)
        let second = try HTTPTestClient(port: server.boundPort)
        for client in [first, second] {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(client.readResponse()?.status, 200)
        }
        let third = try HTTPTestClient(port: server.boundPort)
        XCTAssertTrue(third.closesWithoutData())
    }

    func testStartFailsClearlyWhenThePortIsTaken() throws {
        let server = try startHTTPServer()
        var config = HTTPServerConfig()
        config.port = server.boundPort
        let second = HTTPServer(config: config, handler: HTTPEchoHandler())
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertEqual("\(error)", "cannot listen on 127.0.0.1:\(server.boundPort): Address already in use")
        }
    }

    func testStartFailsClearlyForAnAddressNotOnThisMachine() {
        var config = HTTPServerConfig()
        config.host = "192.0.2.1"
        config.port = 0
        XCTAssertThrowsError(try HTTPServer(config: config, handler: HTTPEchoHandler()).start()) { error in
            XCTAssertEqual("\(error)", "cannot listen on 192.0.2.1:0: Cannot assign requested address")
        }
    }

    func testStopDeliversTheResponseOfAnInFlightRequest() throws {
        let server = try startHTTPServer()
        let port = server.boundPort
        let client = try HTTPTestClient(port: port)
        client.send("GET /slow?ms=500 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadlineSeconds: 5)
            stopped.signal()
        }
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["path"] as? String, "/slow")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.closesWithoutData())
        client.close()
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success, "the stop ends once the client has closed")
        XCTAssertThrowsError(try HTTPTestClient(port: port))
    }

    func testStopAnswersTheNextRequestOfAnIdleConnectionThenClosesIt() throws {
        let server = try startHTTPServer { $0.limits.drainIdleSeconds = 10 }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadlineSeconds: 20)
            stopped.signal()
        }
        // Ordering only: let the stop begin before the next request leaves.
        Thread.sleep(forTimeInterval: 0.2)
        client.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse(), "a request crossing the stop is answered, not dropped")
        XCTAssertEqual(response.json["path"] as? String, "/next")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.closesWithoutData())
        client.close()
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success)
    }

    func testStopClosesSilentConnectionsAfterTheIdleGrace() throws {
        let server = try startHTTPServer { $0.limits.drainIdleSeconds = 0.2 }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        let silent = try HTTPTestClient(port: server.boundPort)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadlineSeconds: 30)
            stopped.signal()
        }
        XCTAssertTrue(client.closesWithoutData())
        XCTAssertTrue(silent.closesWithoutData())
        client.close()
        silent.close()
        XCTAssertEqual(stopped.wait(timeout: .now() + 10), .success, "the stop ends long before its deadline")
    }

    func testStopAnswersConnectionsStillQueuedOnTheListener() throws {
        let handler = BlockingHandler()
        let server = try startHTTPServer(handler: handler)
        let port = server.boundPort
        // The only I/O thread answers /block by waiting: connections made meanwhile stay in the kernel's queue.
        // A first request lets the loop find the listener idle again, so that when it wakes up, the stop
        // request comes before the connections queued after it (epoll reports in order of readiness).
        let blocker = try HTTPTestClient(port: port)
        blocker.send("GET /warm HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(blocker.readResponse()?.status, 200)
        blocker.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(handler.entered.wait(timeout: .now() + 5), .success)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadlineSeconds: 10)
            stopped.signal()
        }
        // Ordering only: the stop request reaches the blocked loop before the queued connections do.
        Thread.sleep(forTimeInterval: 0.2)
        let queued = try (0..<5).map { index -> HTTPTestClient in
            let client = try HTTPTestClient(port: port)
            client.send("GET /queued/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
            return client
        }
        handler.release.signal()
        XCTAssertEqual(blocker.readResponse()?.status, 200)
        for (index, client) in queued.enumerated() {
            let response = client.readResponse()
            XCTAssertEqual(response?.status, 200, "connection \(index) was accepted and answered, not reset")
            XCTAssertEqual(response?.header("Connection"), "close")
            client.close()
        }
        blocker.close()
        XCTAssertEqual(stopped.wait(timeout: .now() + 10), .success)
    }

    func testWithReusePortNewConnectionsGoToTheNewerServer() throws {
        let older = try startHTTPServer(handler: TaggedHandler("older")) { $0.reusePort = true }
        let first = try HTTPTestClient(port: older.boundPort)
        first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(first.readResponse()?.text, "older")
        _ = try startHTTPServer(handler: TaggedHandler("newer")) {
            $0.reusePort = true
            $0.port = older.boundPort
        }
        for index in 0..<20 {
            let client = try HTTPTestClient(port: older.boundPort)
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(client.readResponse()?.text, "newer", "connection \(index)")
        }
        first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(first.readResponse()?.text, "older", "open connections stay where they are")
    }

    func testReusePortIsSharedOnlyWithServersThatAskForIt() throws {
        let plain = try startHTTPServer()
        XCTAssertThrowsError(try startHTTPServer { $0.reusePort = true; $0.port = plain.boundPort }) { error in
            XCTAssertEqual("\(error)", "cannot listen on 127.0.0.1:\(plain.boundPort): Address already in use")
        }
        let sharing = try startHTTPServer { $0.reusePort = true }
        XCTAssertThrowsError(try startHTTPServer { $0.port = sharing.boundPort })
    }

    func testStopDeadlineCutsOffASlowHandler() throws {
        let server = try startHTTPServer { $0.ioThreads = 2 }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /slow?ms=600 HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let started = Date()
        server.stop(deadlineSeconds: 0.2)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        // Had the stop waited for the handler, the response would be here.
        XCTAssertNil(client.readResponse())
        // The handler answers after the loops have ended; the response is dropped without harm.
        Thread.sleep(forTimeInterval: 0.6)
    }

    func testStopFromAnotherThreadWhileBusy() throws {
        let server = try startHTTPServer { $0.ioThreads = 2 }
        let clients = try (0..<20).map { _ in try HTTPTestClient(port: server.boundPort) }
        for client in clients {
            client.send("GET /slow?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n")
        }
        Thread.sleep(forTimeInterval: 0.05)
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadlineSeconds: 5)
            stopped.signal()
        }
        server.stop(deadlineSeconds: 5)
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success)
        for client in clients {
            XCTAssertEqual(client.readResponse()?.status, 200)
        }
    }
}

/// Answers every request with its tag, so a test can tell two servers on one port apart.
private final class TaggedHandler: HTTPRequestHandler {
    private let tag: String
    init(_ tag: String) { self.tag = tag }

    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        sink.send(HTTPResponse(status: 200, headers: [], body: Array(tag.utf8)))
    }
}

/// Answers `/block` on the I/O thread itself, only once `release` is signalled (so the loop accepts
/// nothing meanwhile); echoes everything else.
private final class BlockingHandler: HTTPRequestHandler {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    func handle(_ request: HTTPRequest, sink: ResponseSink) {
        if request.path == "/block" {
            entered.signal()
            _ = release.wait(timeout: .now() + 10)
        }
        sink.send(HTTPEchoHandler.echo(request))
    }
}
