import Foundation
import Glibc
import XCTest
@testable import Host

/// Requests the server refuses by itself (JSON message, then close) and the timeouts it enforces.
final class HTTPServerRefusalTests: XCTestCase {
    /// Sends `request` on a new connection and returns the answer, checking the connection closes after it.
    private func answer(to request: String, server: HTTPServer, file: StaticString = #filePath, line: UInt = #line) throws -> HTTPTestResponse? {
        let client = try HTTPTestClient(port: server.boundPort)
        client.send(request)
        let response = client.readResponse()
        XCTAssertTrue(client.closesWithoutData(), "connection left open", file: file, line: line)
        client.shutdownWriting()
        return response
    }

    func testGarbageIsRefusedWith400() throws {
        let server = try startHTTPServer()
        for garbage in ["HELLO\r\n\r\n", "GET\r\n\r\n", "GET /  HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n",
                        "GET nopath HTTP/1.1\r\n\r\n", "G@T / HTTP/1.1\r\n\r\n", "GET / HTTX/1.1\r\n\r\n",
                        "GET / HTTP/1.1\rX\r\n\r\n", "\u{1}\u{2}\u{3}\r\n\r\n"] {
            assertHTTPRefusal(try answer(to: garbage, server: server), status: 400)
        }
    }

    func testMalformedHeadersAreRefusedWith400() throws {
        let server = try startHTTPServer()
        for header in ["No colon here", "Space Name: x", "Name : x", ": empty", " Folded: x", "Bad: a\u{0}b"] {
            let response = try answer(to: "GET / HTTP/1.1\r\nHost: x\r\n\(header)\r\n\r\n", server: server)
            assertHTTPRefusal(response, status: 400)
            XCTAssertEqual(response?.json["message"] as? String, "malformed header field", header)
        }
    }

    func testAmbiguousFramingIsRefusedWith400() throws {
        let server = try startHTTPServer()
        let cases = [
            ("Content-Length: 3\r\nTransfer-Encoding: chunked", "both Content-Length and Transfer-Encoding are present"),
            ("Content-Length: 3\r\nContent-Length: 4", "invalid Content-Length"),
            ("Content-Length: 3, 4", "invalid Content-Length"),
            ("Content-Length: -1", "invalid Content-Length"),
            ("Content-Length: 0x10", "invalid Content-Length"),
            ("Content-Length:", "invalid Content-Length"),
            ("Transfer-Encoding: gzip", "unsupported transfer coding"),
            ("Transfer-Encoding: gzip, chunked", "unsupported transfer coding"),
            ("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked", "unsupported transfer coding"),
        ]
        for (fields, message) in cases {
            let response = try answer(to: "POST / HTTP/1.1\r\nHost: x\r\n\(fields)\r\n\r\nabc", server: server)
            assertHTTPRefusal(response, status: 400)
            XCTAssertEqual(response?.json["message"] as? String, message, fields)
        }
    }

    func testMalformedChunksAreRefusedWith400() throws {
        let server = try startHTTPServer()
        for body in ["zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX0\r\n\r\n", "\r\n", "5\nhello\r\n0\r\n\r\n", "-5\r\nhello\r\n0\r\n\r\n"] {
            let response = try answer(to: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(body)", server: server)
            assertHTTPRefusal(response, status: 400)
            XCTAssertEqual(response?.json["message"] as? String, "malformed chunked body", body)
        }
    }

    func testHostMustBeThereOnceInHTTP11() throws {
        let server = try startHTTPServer()
        let cases = [
            ("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", "an HTTP/1.1 request needs a Host header"),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", "more than one Host header"),
            ("GET / HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n", "more than one Host header"),
            ("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "invalid Host header"),
        ]
        for (request, message) in cases {
            let response = try answer(to: request, server: server)
            assertHTTPRefusal(response, status: 400)
            XCTAssertEqual(response?.json["message"] as? String, message, request)
        }
        let old = try HTTPTestClient(port: server.boundPort)
        old.send("GET /old HTTP/1.0\r\n\r\n")
        XCTAssertEqual(old.readResponse()?.status, 200, "HTTP/1.0 needs no Host")
    }

    func testHTTP10WithTransferEncodingIsRefusedAndClosed() throws {
        let server = try startHTTPServer()
        let response = try answer(to: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                                  server: server)
        assertHTTPRefusal(response, status: 400)
        XCTAssertEqual(response?.json["message"] as? String, "Transfer-Encoding is not allowed in HTTP/1.0")
    }

    /// Input that is plainly not HTTP/1 is refused as soon as that is clear, long before the header
    /// timeout (an hour here, beyond the client's five-second read timeout).
    func testNonHTTPIsRefusedAtOnceWithoutWaitingForTheHead() throws {
        let server = try startHTTPServer { $0.limits.headerTimeoutSeconds = 3600 }
        let clientHello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]
        let inputs: [(String, [UInt8])] = [
            ("HTTP/0.9 line", Array("GET /\r\n".utf8)),
            ("TLS ClientHello", clientHello),
            ("invalid method character", Array("GE(T /".utf8)),
            ("request line without version", Array("GET / \r\n".utf8)),
        ]
        for (name, bytes) in inputs {
            let client = try HTTPTestClient(port: server.boundPort)
            XCTAssertTrue(client.send(bytes), name)
            let response = client.readResponse()
            assertHTTPRefusal(response, status: 400)
            XCTAssertEqual(response?.json["message"] as? String, "malformed request line", name)
            XCTAssertTrue(client.closesWithoutData(), name)
        }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /still-serving HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
    }

    func testUnsupportedVersionIsRefusedWith505() throws {
        let server = try startHTTPServer()
        for version in ["HTTP/2.0", "HTTP/0.9", "HTTP/3.1"] {
            let response = try answer(to: "GET / \(version)\r\nHost: x\r\n\r\n", server: server)
            assertHTTPRefusal(response, status: 505)
            XCTAssertEqual(response?.reason, "HTTP Version Not Supported")
        }
    }

    func testOversizedHeadIsRefusedWith431() throws {
        let server = try startHTTPServer()
        let filler = String(repeating: "a", count: 17 * 1024)
        let response = try answer(to: "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: \(filler)\r\n\r\n", server: server)
        assertHTTPRefusal(response, status: 431)
        XCTAssertEqual(response?.reason, "Request Header Fields Too Large")
    }

    func testHeadJustUnderTheLimitIsServed() throws {
        let server = try startHTTPServer { $0.limits.maxHeaderBytes = 200 }
        let start = "GET / HTTP/1.1\r\nHost: x\r\nX: "
        let filler = String(repeating: "b", count: 200 - start.utf8.count - 4)
        let client = try HTTPTestClient(port: server.boundPort)
        client.send(start + filler + "\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        client.send(start + filler + "b\r\n\r\n")
        assertHTTPRefusal(client.readResponse(), status: 431)
    }

    func testDeclaredOversizedBodyIsRefusedWith413AtOnce() throws {
        let server = try startHTTPServer()
        let response = try answer(to: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(2 * 1024 * 1024)\r\n\r\n", server: server)
        assertHTTPRefusal(response, status: 413)
        XCTAssertEqual(response?.reason, "Content Too Large")

        // With Expect: 100-continue the refusal comes instead of the 100.
        let expecting = try answer(to: "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 99999999999999999999999\r\n\r\n",
                                   server: server)
        assertHTTPRefusal(expecting, status: 413)
    }

    func testChunkedOversizedBodyIsRefusedWith413() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = Array("10000\r\n".utf8) + [UInt8](repeating: 65, count: 0x10000) + Array("\r\n".utf8)
        // 17 chunks of 64 KiB pass 1 MiB; the server refuses while the client is still sending.
        for _ in 0..<17 where client.send(chunk) {}
        assertHTTPRefusal(client.readResponse(), status: 413)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testStalledRequestGets408() throws {
        let server = try startHTTPServer { $0.limits.headerTimeoutSeconds = 0.3 }
        let client = try HTTPTestClient(port: server.boundPort)
        let started = Date()
        client.send("GET / HTTP/1.1\r\nHost: x\r\n")
        let response = client.readResponse()
        assertHTTPRefusal(response, status: 408)
        XCTAssertEqual(response?.reason, "Request Timeout")
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.25)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testStalledBodyGets408() throws {
        let server = try startHTTPServer { $0.limits.headerTimeoutSeconds = 0.3 }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        assertHTTPRefusal(client.readResponse(), status: 408)
    }

    func testSilentNewConnectionIsClosedWithoutAnswer() throws {
        let server = try startHTTPServer { $0.limits.headerTimeoutSeconds = 0.3 }
        let client = try HTTPTestClient(port: server.boundPort)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testIdleKeepAliveConnectionIsClosedSilently() throws {
        let server = try startHTTPServer { $0.limits.idleTimeoutSeconds = 0.3 }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        let started = Date()
        XCTAssertTrue(client.closesWithoutData())
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.25)
    }

    func testRefusalAfterAPipelinedRequestComesInOrder() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /slow?ms=150 HTTP/1.1\r\nHost: x\r\n\r\nBROKEN\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/slow")
        assertHTTPRefusal(client.readResponse(), status: 400)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testRandomBytesNeverBringTheServerDown() throws {
        let server = try startHTTPServer()
        var generator = HTTPFuzzRandom(seed: 42)
        for _ in 0..<60 {
            let client = try HTTPTestClient(port: server.boundPort)
            var bytes = Array("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            for _ in 0..<Int(generator.next() % 6) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            bytes += (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            client.send(bytes)
            // End the input so an incomplete request ends in a close rather than a wait for the timeout.
            client.shutdownWriting()
            // A mutation may turn the request into a valid one without a body (200); the rest is refused.
            if let response = client.readResponse() {
                XCTAssertTrue([200, 400, 413, 431, 505].contains(response.status), "\(response.status)")
            }
        }
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /alive HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/alive")
    }
}
