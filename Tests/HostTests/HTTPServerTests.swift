import Foundation
import Glibc
import XCTest
@testable import Host

/// The server over real sockets: request forms, bodies, keep-alive, pipelining and response framing.
final class HTTPServerTests: XCTestCase {
    func testSimpleGet() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /v1/users/5?a=1&b=%20x HTTP/1.1\r\nHost: localhost\r\nX-Test: hello  \r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.reason, "OK")
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.header("Content-Length"), String(response.body.count))
        XCTAssertNil(response.header("Connection"))
        XCTAssertTrue(response.header("Date")?.hasSuffix(" GMT") ?? false)
        let echo = response.json
        XCTAssertEqual(echo["method"] as? String, "GET")
        XCTAssertEqual(echo["path"] as? String, "/v1/users/5")
        XCTAssertEqual(echo["query"] as? String, "a=1&b=%20x")
        XCTAssertEqual(echo["headers"] as? [[String]], [["Host", "localhost"], ["X-Test", "hello"]])
        XCTAssertEqual(echo["body"] as? String, "")
        XCTAssertEqual(echo["keepAlive"] as? Bool, true)
    }

    func testKeepAliveServesSequentialRequestsOnOneConnection() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        for index in 0..<5 {
            client.send("GET /item/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try XCTUnwrap(client.readResponse())
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.json["path"] as? String, "/item/\(index)")
        }
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /slow?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
            + "GET /third HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try XCTUnwrap(client.readResponse())
        let second = try XCTUnwrap(client.readResponse())
        let third = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(first.json["path"] as? String, "/slow")
        XCTAssertEqual(second.json["path"] as? String, "/second")
        XCTAssertEqual(second.json["body"] as? String, "abc")
        XCTAssertEqual(third.json["path"] as? String, "/third")
    }

    func testContentLengthBody() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("POST /v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"title\":")
        Thread.sleep(forTimeInterval: 0.05)
        client.send("\"demo\"}")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.json["method"] as? String, "POST")
        XCTAssertEqual(response.json["body"] as? String, "{\"title\":\"demo\"}")
    }

    func testChunkedBodyWithExtensionsAndTrailers() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        let pieces = ["PATCH /v1/users/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                      "5;name=value\r\nhello\r\n", "0", "F\r\n, chunked world\r\n",
                      "0\r\nX-Checksum: 1\r\n", "\r\n"]
        for piece in pieces {
            client.send(piece)
            Thread.sleep(forTimeInterval: 0.02)
        }
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["method"] as? String, "PATCH")
        XCTAssertEqual(response.json["body"] as? String, "hello, chunked world")
        client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/after")
    }

    func testExpectContinueIsAnsweredBeforeTheBody() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        let interim = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(interim.status, 100)
        XCTAssertEqual(interim.reason, "Continue")
        client.send("data")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["body"] as? String, "data")
    }

    func testHeadSendsHeadersOnly() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /resource HTTP/1.1\r\nHost: x\r\n\r\n")
        let get = try XCTUnwrap(client.readResponse())
        client.send("HEAD /resource HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try XCTUnwrap(client.readResponse(forHead: true))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        // The echo differs only in the method name, which is one byte longer for HEAD.
        XCTAssertEqual(head.header("Content-Length"), String(get.body.count + 1))
        // No body bytes followed the head: the next response starts cleanly.
        client.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/next")
    }

    func testConnectionCloseFromClientIsHonoured() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(response.json["keepAlive"] as? Bool, false)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testConnectionCloseFromHandlerIsHonoured() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /close HTTP/1.1\r\nHost: x\r\n\r\nGET /never HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(response.headers.filter { $0.0.lowercased() == "connection" }.count, 1)
        XCTAssertTrue(client.closesWithoutData())
    }

    func testHTTP10ClosesUnlessKeepAliveIsAsked() throws {
        let server = try startHTTPServer()
        let plain = try HTTPTestClient(port: server.boundPort)
        plain.send("GET /old HTTP/1.0\r\n\r\n")
        let first = try XCTUnwrap(plain.readResponse())
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.json["keepAlive"] as? Bool, false)
        XCTAssertEqual(first.header("Connection"), "close")
        XCTAssertTrue(plain.closesWithoutData())

        let keeping = try XCTUnwrap(HTTPTestClient(port: server.boundPort))
        for _ in 0..<2 {
            keeping.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try XCTUnwrap(keeping.readResponse())
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Connection"), "keep-alive")
        }
    }

    func testHalfClosedClientStillGetsItsAnswer() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /slow?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n")
        client.shutdownWriting()
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(client.closesWithoutData())
    }

    func testLargeResponseReachesASlowReader() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        let count = 8 * 1024 * 1024
        client.send("GET /big?n=\(count) HTTP/1.1\r\nHost: x\r\n\r\n")
        // Let the socket buffers fill so the server has to wait for EPOLLOUT.
        Thread.sleep(forTimeInterval: 0.3)
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.body.count, count)
        XCTAssertTrue(response.body.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset % 251) })
        client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.json["path"] as? String, "/after")
    }

    func testUnansweredRequestGets500() throws {
        let server = try startHTTPServer()
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.reason, "Internal Server Error")
    }

    func testHandlerFramingHeadersAreReplaced() throws {
        final class Handler: HTTPRequestHandler {
            func handle(_ request: HTTPRequest, sink: ResponseSink) {
                sink.send(HTTPResponse(status: 201, headers: [(name: "Content-Length", value: "999"),
                                                              (name: "Transfer-Encoding", value: "chunked"),
                                                              (name: "X-Bad", value: "a\r\nInjected: yes"),
                                                              (name: "X-Good", value: "fine")], body: Array("ok".utf8)))
            }
        }
        let server = try startHTTPServer(handler: Handler())
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.reason, "Created")
        XCTAssertEqual(response.header("Content-Length"), "2")
        XCTAssertNil(response.header("Transfer-Encoding"))
        XCTAssertNil(response.header("X-Bad"))
        XCTAssertNil(response.header("Injected"))
        XCTAssertEqual(response.header("X-Good"), "fine")
        XCTAssertEqual(response.text, "ok")
    }

    func testNoContentHasNoLength() throws {
        final class Handler: HTTPRequestHandler {
            func handle(_ request: HTTPRequest, sink: ResponseSink) {
                sink.send(HTTPResponse(status: 204, headers: [], body: []))
            }
        }
        let server = try startHTTPServer(handler: Handler())
        let client = try HTTPTestClient(port: server.boundPort)
        client.send("DELETE /v1/users/3 HTTP/1.1\r\nHost: x\r\n\r\nDELETE /v1/users/4 HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in 0..<2 {
            let response = try XCTUnwrap(client.readResponse())
            XCTAssertEqual(response.status, 204)
            XCTAssertNil(response.header("Content-Length"))
        }
    }
}
