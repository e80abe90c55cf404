import XCTest
@testable import Host

/// Query strings as Cal.com's handlers saw them, the parameter cap, and folding of repeated keys.
final class QueryStringTests: XCTestCase {
    private func object(_ raw: String, limit: Int = .max) throws -> JSONObject {
        QueryString.object(try QueryString.pairs(raw, limit: limit), excluding: ["apiKey"])
    }

    func testKeysSeenOnceAreStringsRepeatedOnesArraysInFirstSeenOrder() throws {
        let folded = try object("b=1&a=x+y&b=2&apiKey=k&c=%C3%A9&b=3&=skip&&a=")
        XCTAssertEqual(folded.keys, ["b", "a", "c"])
        XCTAssertEqual(folded["b"], .array([.string("1"), .string("2"), .string("3")]))
        XCTAssertEqual(folded["a"], .array([.string("x y"), .string("")]))
        XCTAssertEqual(folded["c"], .string("é"))
        XCTAssertNil(folded["apiKey"])
    }

    func testThousandsOfRepeatedAndDistinctKeysFold() throws {
        let repeated = try object(Array(repeating: "a=1", count: 5000).joined(separator: "&"))
        guard case .array(let values)? = repeated["a"] else { return XCTFail("not an array") }
        XCTAssertEqual(values.count, 5000)
        let distinct = try object((0..<5000).map { "k\($0)=\($0)" }.joined(separator: "&"))
        XCTAssertEqual(distinct.members.count, 5000)
        XCTAssertEqual(distinct["k4999"], .string("4999"))
    }

    func testTheCapCountsEveryParameterBeforeDecoding() throws {
        XCTAssertEqual(try QueryString.pairs("a=1&a=2&b=3", limit: 3).count, 3)
        XCTAssertThrowsError(try QueryString.pairs("a=1&a=2&b=%", limit: 2)) { error in
            XCTAssertEqual(error as? QueryString.Refusal, .tooManyParameters(limit: 2))
            XCTAssertEqual((error as? QueryString.Refusal)?.message, "Too many query parameters (the limit is 2)")
        }
        XCTAssertEqual(try QueryString.pairs("a=1&&&&b=2", limit: 2).count, 2, "empty parts are not parameters")
    }

    func testMalformedEscapesAreRefused() {
        for raw in ["a=%", "a=%4", "%zz=1", "a=%FF"] {
            XCTAssertThrowsError(try QueryString.pairs(raw)) { XCTAssertEqual($0 as? QueryString.Refusal, .malformed, raw) }
        }
    }
}
