import XCTest
@testable import Host

/// No API key reaches a log line: `apiKey` values by name in any spelling, key-shaped text anywhere.
final class LogRedactionTests: XCTestCase {
    private let key = "cal_0123456789abcdef0123456789abcdef"

    func testApiKeyValuesAreRedactedWhateverTheSpellingOfTheName() {
        XCTAssertEqual(LogRedaction.target(path: "/v1/me", query: "apiKey=secret&take=5"), "/v1/me?apiKey=[redacted]&take=5")
        for name in ["apikey", "APIKEY", "api_key", "api-key", "%61piKey", "api%4Bey", "%41%50%49%4B%45%59", "api+key".replacingOccurrences(of: "+", with: "_")] {
            XCTAssertEqual(LogRedaction.target(path: "/v1/me", query: "x=1&\(name)=short"), "/v1/me?x=1&\(name)=[redacted]", name)
        }
        XCTAssertEqual(LogRedaction.target(path: "/v1/me", query: "apiKey=a&apiKey=b"), "/v1/me?apiKey=[redacted]&apiKey=[redacted]")
        XCTAssertEqual(LogRedaction.target(path: "/v1/me", query: "apiKeys=1"), "/v1/me?apiKeys=1", "another name is kept")
    }

    func testKeyShapedTextIsRedactedAnywhere() {
        XCTAssertEqual(LogRedaction.target(path: "/v1/\(key)", query: "q=\(key)"), "/v1/cal_[redacted]?q=cal_[redacted]")
        XCTAssertEqual(LogRedaction.scrub("Authorization: Bearer abc.def and more"), "Authorization: Bearer [redacted] and more")
        XCTAssertEqual(LogRedaction.scrub("bearer x"), "bearer [redacted]")
        XCTAssertEqual(LogRedaction.scrub("a1bearer token"), "a1bearer [redacted]")
        XCTAssertEqual(LogRedaction.scrub("id 0123456789abcdef0123456789abcde and deadbeef"), "id 0123456789abcdef0123456789abcde and deadbeef",
                       "31 hex digits and ordinary words are kept")
        XCTAssertEqual(LogRedaction.scrub("plain text"), "plain text")
    }

    func testLongTargetsAreCutAfterRedaction() {
        let long = LogRedaction.target(path: "/v1/" + String(repeating: "z", count: 5000), query: "apiKey=" + key)
        XCTAssertEqual(long.utf8.count, LogRedaction.maxTargetBytes + "…".utf8.count)
        XCTAssertFalse(long.contains("0123456789abcdef"))
    }

    func testRequestIDsAreKeptOnlyWhenSane() {
        XCTAssertEqual(RequestID.accept("abc-123_x.y:z/w+q=@"), "abc-123_x.y:z/w+q=@")
        for insane in [nil, "", "has space", "quote\"", String(repeating: "a", count: 129), "é"] {
            let id = RequestID.accept(insane)
            XCTAssertNotEqual(id, insane)
            XCTAssertNotNil(id.range(of: "^[0-9a-f]{32}$", options: .regularExpression), id)
        }
        XCTAssertNotEqual(RequestID.generate(), RequestID.generate())
    }
}
