import XCTest
@testable import Host

/// The value types and the sink that other parts of the host code against.
final class HTTPTypesTests: XCTestCase {
    func testHeaderLookupIgnoresCaseAndReturnsTheFirstValue() {
        let headers = HTTPHeaders([(name: "X-Api-Key", value: "one"), (name: "x-api-key", value: "two"), (name: "Accept", value: "*/*")])
        XCTAssertEqual(headers["x-API-key"], "one")
        XCTAssertEqual(headers["ACCEPT"], "*/*")
        XCTAssertNil(headers["X-Api-Kez"])
        XCTAssertNil(headers["X-Api-Key "])
        // Case folding applies to letters only: "[" (0x5B) and "{" (0x7B) differ by the same bit as "K" and "k".
        XCTAssertNil(HTTPHeaders([(name: "a[", value: "")])["a{"])
        XCTAssertEqual(headers.all.count, 3)
    }

    func testMethodsMapBothWays() {
        for name in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "get"] {
            XCTAssertEqual(HTTPMethod(name: name).name, name)
        }
        XCTAssertEqual(HTTPMethod(name: "PATCH"), .patch)
        XCTAssertEqual(HTTPMethod(name: "get"), .other("get"))
    }

    func testReasonPhrases() {
        XCTAssertEqual(HTTPStatus.reasonPhrase(200), "OK")
        XCTAssertEqual(HTTPStatus.reasonPhrase(422), "Unprocessable Content")
        XCTAssertEqual(HTTPStatus.reasonPhrase(299), "")
    }

    func testCallbackSinkDeliversTheFirstResponseOnly() {
        var delivered: [Int] = []
        let sink = ResponseSink { delivered.append($0.status) }
        sink.send(HTTPResponse(status: 201))
        sink.send(HTTPResponse(status: 202))
        XCTAssertEqual(delivered, [201])
    }

    func testSinkReleasedWithoutAnswerDelivers500() {
        var delivered: [HTTPResponse] = []
        do {
            _ = ResponseSink { delivered.append($0) }
        }
        XCTAssertEqual(delivered.map(\.status), [500])
        XCTAssertEqual(delivered.first?.body, Array("{\"message\":\"the request was not answered\"}".utf8))
    }
}
