import XCTest
@testable import Host

/// The request parser on its own: framing details, then random and mutated input split at random points.
final class HTTPRequestParserTests: XCTestCase {
    /// What the parser made of a byte stream: one line per request or refusal, in order.
    private func outcomes(of pieces: [[UInt8]], maxHeaderBytes: Int = 1024, maxBodyBytes: Int = 4096) -> [String] {
        var parser = HTTPRequestParser(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        var results: [String] = []
        for piece in pieces {
            var offset = 0
            var needsMore = false
            while !needsMore {
                let (used, event) = piece.withUnsafeBytes { bytes in
                    parser.consume(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                }
                XCTAssertLessThanOrEqual(offset + used, piece.count)
                offset += used
                switch event {
                case .needMore:
                    XCTAssertEqual(offset, piece.count, "needMore before the end of the input")
                    needsMore = true
                case .expectContinue:
                    break
                case .request(let request, let isHTTP10):
                    let headers = request.headers.all.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
                    results.append("\(request.method.name) \(request.path) ?\(request.query) [\(headers)] "
                        + "\(String(decoding: request.body, as: UTF8.self)) keepAlive=\(request.keepAlive) 1.0=\(isHTTP10)")
                case .failure(let error):
                    results.append("error \(error.status)")
                    return results
                }
            }
        }
        return results
    }

    private func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    func testRequestSplitAtEveryByteGivesTheSameResult() {
        let text = "POST /a/b?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.0\r\n\r\n"
        let whole = outcomes(of: [bytes(text)])
        XCTAssertEqual(whole, ["POST /a/b ?x=1 [Host=h,Content-Length=5] hello keepAlive=true 1.0=false",
                               "GET / ? []  keepAlive=false 1.0=true"])
        XCTAssertEqual(outcomes(of: bytes(text).map { [$0] }), whole)
    }

    func testChunkedBodyWithExtensionsAndTrailers() {
        let text = "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "3;a=b;c=\"d\"\r\nabc\r\n00A \r\n0123456789\r\n0;last\r\nTrailer-One: 1\r\nTrailer-Two: 2\r\n\r\n"
        XCTAssertEqual(outcomes(of: [bytes(text)]), ["PUT /c ? [Host=h,Transfer-Encoding=Chunked] abc0123456789 keepAlive=true 1.0=false"])
    }

    func testLenientLineEndsAndTargets() {
        XCTAssertEqual(outcomes(of: [bytes("\r\n\r\nGET http://example.com HTTP/1.1\nHost:  b \n\n")]),
                       ["GET / ? [Host=b]  keepAlive=true 1.0=false"])
        XCTAssertEqual(outcomes(of: [bytes("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")]), ["OPTIONS * ? [Host=h]  keepAlive=true 1.0=false"])
        XCTAssertEqual(outcomes(of: [bytes("GET https://h:1/p?q#f HTTP/1.1\r\nHost: h:1\r\n\r\n")]), ["GET /p ?q#f [Host=h:1]  keepAlive=true 1.0=false"])
        XCTAssertEqual(outcomes(of: [bytes("GET * HTTP/1.1\r\n\r\n")]), ["error 400"])
        XCTAssertEqual(outcomes(of: [bytes("get / HTTP/1.1\r\nhost: h\r\nconnection: Keep-Alive, CLOSE\r\n\r\n")]),
                       ["get / ? [host=h,connection=Keep-Alive, CLOSE]  keepAlive=false 1.0=false"])
    }

    func testRepeatedEqualContentLengthsAreOneLength() {
        XCTAssertEqual(outcomes(of: [bytes("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok")]),
                       ["POST / ? [Host=h,Content-Length=2, 2,Content-Length=2] ok keepAlive=true 1.0=false"])
    }

    func testHostRulesOfRFC9112() {
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.1\r\n\r\n")]), ["error 400"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.1\r\nHost: a\r\nHOST: a\r\n\r\n")]), ["error 400"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.1\r\nHost: a b\r\n\r\n")]), ["error 400"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.1\r\nHost:\r\n\r\n")]), ["GET / ? [Host=]  keepAlive=true 1.0=false"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.1\r\nHost: [::1]:3002\r\n\r\n")]),
                       ["GET / ? [Host=[::1]:3002]  keepAlive=true 1.0=false"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.0\r\n\r\n")]), ["GET / ? []  keepAlive=false 1.0=true"])
        XCTAssertEqual(outcomes(of: [bytes("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n")]), ["error 400"])
        XCTAssertEqual(outcomes(of: [bytes("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]), ["error 400"])
    }

    /// The first line is checked as it arrives: no need to wait for the end of a head that will never come.
    func testNonHTTPIsRefusedBeforeTheHeadEnds() {
        for input in ["GET /\r\n", "GET / \r\n", "G@", "GET\r\n", "\u{16}\u{3}\u{1}", "GET / HTTP/1.1 extra\n"] {
            var parser = HTTPRequestParser(maxHeaderBytes: 1024, maxBodyBytes: 1024)
            let event = bytes(input).withUnsafeBytes { parser.consume($0).event }
            guard case .failure(let error) = event else { return XCTFail("\(input.debugDescription): \(event)") }
            XCTAssertEqual(error, .malformedRequestLine, input.debugDescription)
        }
        for input in ["GET / HTTP/1.1\r\n", "GET /", "OPTIONS * HTTP/1.1\n", "\r\nPATCH"] {
            var parser = HTTPRequestParser(maxHeaderBytes: 1024, maxBodyBytes: 1024)
            guard case .needMore = bytes(input).withUnsafeBytes({ parser.consume($0).event }) else {
                return XCTFail("\(input.debugDescription) refused")
            }
        }
    }

    func testExpectContinueIsReportedOnlyBeforeAnyBodyByte() {
        var parser = HTTPRequestParser(maxHeaderBytes: 1024, maxBodyBytes: 1024)
        let head = bytes("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n")
        let first = head.withUnsafeBytes { parser.consume($0) }
        XCTAssertEqual(first.consumed, head.count)
        guard case .expectContinue = first.event else { return XCTFail("\(first.event)") }
        let body = bytes("ok")
        guard case .request(let request, _) = body.withUnsafeBytes({ parser.consume($0).event }) else { return XCTFail() }
        XCTAssertEqual(request.body, body)

        XCTAssertEqual(outcomes(of: [head + body]).count, 1)
        let old = bytes("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        var parser10 = HTTPRequestParser(maxHeaderBytes: 1024, maxBodyBytes: 1024)
        guard case .needMore = old.withUnsafeBytes({ parser10.consume($0).event }) else { return XCTFail("HTTP/1.0 expectation honoured") }
    }

    func testLimitsAreExact() {
        let head = "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        XCTAssertEqual(outcomes(of: [bytes(head)], maxHeaderBytes: head.utf8.count).count, 1)
        XCTAssertEqual(outcomes(of: [bytes(head)], maxHeaderBytes: head.utf8.count - 1), ["error 431"])
        let body = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\n12345678"
        XCTAssertEqual(outcomes(of: [bytes(body)], maxBodyBytes: 8).count, 1)
        XCTAssertEqual(outcomes(of: [bytes(body)], maxBodyBytes: 7), ["error 413"])
        let chunked = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n1234\r\n4\r\n5678\r\n0\r\n\r\n"
        XCTAssertEqual(outcomes(of: [bytes(chunked)], maxBodyBytes: 8).count, 1)
        XCTAssertEqual(outcomes(of: [bytes(chunked)], maxBodyBytes: 7), ["error 413"])
        XCTAssertEqual(outcomes(of: [bytes("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n")]), ["error 413"])
    }

    /// Random bytes and mutations of valid requests, each split at random points: the parser never traps,
    /// every outcome is a request or a 4xx/505 refusal, and the split never changes the outcome.
    func testFuzzedInputNeverCrashesAndDoesNotDependOnSplits() {
        let corpus = [
            "GET /v1/users/5?apiKey=cal_1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n",
            "POST /v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"title\":\"t\"}",
            "PATCH /v1/users/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nabcd\r\n0\r\nT: 1\r\n\r\n",
            "PUT /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nxyz",
            "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n",
        ].map { Array($0.utf8) }
        let interesting = Array("\r\n :;,0123456789abcdefABCDEF\t\u{0}\u{7F}".utf8) + [0x80, 0xFF]
        var generator = HTTPFuzzRandom(seed: 0xCA1A_B1)
        for iteration in 0..<3000 {
            var input: [UInt8]
            if iteration % 10 == 0 {
                input = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                input = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !input.isEmpty {
                    let position = Int.random(in: 0..<input.count, using: &generator)
                    switch Int.random(in: 0..<6, using: &generator) {
                    case 0: input[position] = UInt8.random(in: 0...255, using: &generator)
                    case 1: input[position] = interesting[Int.random(in: 0..<interesting.count, using: &generator)]
                    case 2: input.insert(interesting[Int.random(in: 0..<interesting.count, using: &generator)], at: position)
                    case 3: input.removeSubrange(position..<min(input.count, position + Int.random(in: 1...8, using: &generator)))
                    case 4: input.insert(contentsOf: input[position..<min(input.count, position + 16)], at: position)
                    default: input += corpus[Int.random(in: 0..<corpus.count, using: &generator)]
                    }
                }
            }
            var pieces: [[UInt8]] = []
            var start = 0
            while start < input.count {
                let end = min(input.count, start + Int.random(in: 1...24, using: &generator))
                pieces.append(Array(input[start..<end]))
                start = end
            }
            let whole = outcomes(of: [input], maxHeaderBytes: 128, maxBodyBytes: 64)
            XCTAssertEqual(outcomes(of: pieces, maxHeaderBytes: 128, maxBodyBytes: 64), whole, "iteration \(iteration)")
            for outcome in whole where outcome.hasPrefix("error ") {
                XCTAssertTrue(["error 400", "error 413", "error 431", "error 505"].contains(outcome), outcome)
            }
        }
    }
}
