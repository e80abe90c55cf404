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
        let started = Date()
        server.stop(deadlineSeconds: 5)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(elapsed, 0.3)
        XCTAssertLessThan(elapsed, 3)
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["path"] as? String, "/slow")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.closesWithoutData())
        XCTAssertThrowsError(try HTTPTestClient(port: port))
    }

    func testStopClosesIdleConnectionsAtOnce() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        let silent = try HTTPTestClient(port: server.boundPort)
        let started = Date()
        server.stop(deadlineSeconds: 5)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertTrue(client.closesWithoutData())
        XCTAssertTrue(silent.closesWithoutData())
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
