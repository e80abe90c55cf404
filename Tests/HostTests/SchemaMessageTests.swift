import XCTest
@testable import Host

/// `zodMessage`: Cal.com's rendering of a failed parse.
final class SchemaMessageTests: XCTestCase {
    func testEmptyPathRendersOnlyTheMessage() {
        XCTAssertEqual([issue("invalid_type", [], "Expected object, received null")].zodMessage, "Expected object, received null")
    }

    func testPathsJoinLikeJavaScriptArrays() {
        XCTAssertEqual([issue("invalid_type", ["externalId"], "Required")].zodMessage, "invalid_type in 'externalId': Required")
        XCTAssertEqual([issue("invalid_type", ["hosts", 0, "userId"], "Required")].zodMessage,
                       "invalid_type in 'hosts,0,userId': Required")
    }

    func testSeveralIssuesJoinWithSemicolons() {
        let issues = [
            issue("invalid_type", ["email"], "Required"),
            issue("too_small", ["brandColor"], "String must contain at least 4 character(s)"),
            issue("unrecognized_keys", [], "Unrecognized key(s) in object: 'foo'"),
        ]
        XCTAssertEqual(issues.zodMessage, "invalid_type in 'email': Required; "
            + "too_small in 'brandColor': String must contain at least 4 character(s); Unrecognized key(s) in object: 'foo'")
    }

    func testUnrecognizedKeysIgnoreTheirPath() {
        XCTAssertEqual([issue("unrecognized_keys", ["hosts", 0], "Unrecognized key(s) in object: 'a', 'b'")].zodMessage,
                       "Unrecognized key(s) in object: 'a', 'b'")
    }

    func testUnionsAreFlattenedRecursively() {
        var inner = issue("invalid_union", ["a"], "Invalid input")
        inner.unionIssues = [[issue("invalid_type", ["a"], "Expected string, received number")], [issue("custom", [], "x")]]
        var outer = issue("invalid_union", [], "Invalid input")
        outer.unionIssues = [[inner], [issue("invalid_type", ["b"], "Required"), issue("custom", ["c"], "y")]]
        XCTAssertEqual([outer, issue("custom", ["d"], "z")].zodMessage,
                       "invalid_type in 'a': Expected string, received number; x; invalid_type in 'b': Required; custom in 'c': y; custom in 'd': z")
    }

    func testUnionWithoutAlternativesRendersItself() {
        XCTAssertEqual([issue("invalid_union", ["x"], "Invalid input")].zodMessage, "invalid_union in 'x': Invalid input")
        XCTAssertEqual([ValidationIssue]().zodMessage, "")
    }
}
