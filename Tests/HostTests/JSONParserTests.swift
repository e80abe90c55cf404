import XCTest
@testable import Host

/// The parser: accepted documents, number typing, strings and escapes, and every refusal.
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String, maxDepth: Int = 64) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), maxDepth: maxDepth)
    }

    private func assertRefused(_ text: String, _ message: String, offset: Int? = nil, maxDepth: Int = 64,
                               file: StaticString = #filePath, line: UInt = #line) {
        assertRefused(bytes: Array(text.utf8), message, offset: offset, maxDepth: maxDepth, file: file, line: line)
    }

    private func assertRefused(bytes: [UInt8], _ message: String, offset: Int? = nil, maxDepth: Int = 64,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONParser.parse(bytes, maxDepth: maxDepth), file: file, line: line) { error in
            guard let error = error as? JSONParseError else {
                return XCTFail("not a JSONParseError: \(error)", file: file, line: line)
            }
            XCTAssertEqual(error.message, message, file: file, line: line)
            if let offset { XCTAssertEqual(error.offset, offset, file: file, line: line) }
        }
    }

    func testScalarsAtTopLevel() throws {
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse(" false "), .bool(false))
        XCTAssertEqual(try parse("\"hi\""), .string("hi"))
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("\t\r\n 42 \n"), .int(42))
    }

    func testContainers() throws {
        XCTAssertEqual(try parse("[]"), .array([]))
        XCTAssertEqual(try parse("{}"), .object(JSONObject()))
        XCTAssertEqual(try parse(" [ 1 , \"a\" , null , [ ] , { } ] "), [1, "a", .null, [], [:]])
        let value = try parse(#"{"b": {"c": [true, false]}, "a": -1.5}"#)
        XCTAssertEqual(value, ["b": ["c": [true, false]], "a": -1.5])
        guard case .object(let object) = value else { return XCTFail("not an object") }
        XCTAssertEqual(object.keys, ["b", "a"])
    }

    func testDuplicateKeysKeepFirstPositionAndLastValue() throws {
        let value = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        guard case .object(let object) = value else { return XCTFail("not an object") }
        XCTAssertEqual(object.keys, ["a", "b"])
        XCTAssertEqual(object["a"], .int(3))
    }

    func testDuplicateKeysInLargeObjects() throws {
        // Past 16 members the parser uses a hashed index; the result must be the same.
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k3\": \"again\"", "\"k39\": null"]
        let value = try parse("{" + members.joined(separator: ",") + "}")
        guard case .object(let object) = value else { return XCTFail("not an object") }
        XCTAssertEqual(object.members.count, 40)
        XCTAssertEqual(object.keys.first, "k0")
        XCTAssertEqual(object["k3"], .string("again"))
        XCTAssertEqual(object["k39"], .null)
        XCTAssertEqual(object.keys[3], "k3")
    }

    func testIntegersAndInt64Boundaries() throws {
        XCTAssertEqual(try parse("-0"), .int(0))
        XCTAssertEqual(try parse("9223372036854775807"), .int(.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(.min))
        XCTAssertEqual(try parse("9223372036854775808"), .double(0x1p63))
        XCTAssertEqual(try parse("-9223372036854775809"), .double(-0x1p63))
        XCTAssertEqual(try parse("123456789012345678901234567890"), .double(1.2345678901234568e29))
    }

    func testFractionsAndExponents() throws {
        XCTAssertEqual(try parse("1.0"), .double(1))
        XCTAssertEqual(try parse("1e2"), .double(100))
        XCTAssertEqual(try parse("1E+2"), .double(100))
        XCTAssertEqual(try parse("-2.5e-3"), .double(-0.0025))
        XCTAssertEqual(try parse("0.1"), .double(0.1))
        XCTAssertEqual(try parse("3.141592653589793"), .double(3.141592653589793))
        XCTAssertEqual(try parse("1.7976931348623157e308"), .double(.greatestFiniteMagnitude))
        XCTAssertEqual(try parse("5e-324"), .double(.leastNonzeroMagnitude))
        XCTAssertEqual(try parse("2.2250738585072014e-308"), .double(.leastNormalMagnitude))
        XCTAssertEqual(try parse("0.30000000000000004"), .double(0.1 + 0.2))
        XCTAssertEqual(try parse("1e400"), .double(.infinity))
        XCTAssertEqual(try parse("-1e400"), .double(-.infinity))
        XCTAssertEqual(try parse("1e-400"), .double(0))
        XCTAssertEqual(try parse("1e99999999999999999999"), .double(.infinity))
        XCTAssertEqual(try parse("12345678901234567890e-10"), .double(1234567890.1234567))
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#), .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        XCTAssertEqual(try parse(#""\u0041\u00e9\u20AC""#), .string("Aé€"))
        XCTAssertEqual(try parse(#""\u0000""#), .string("\u{0}"))
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse(#""x\uD83Dy""#), .string("x\u{FFFD}y"))
        XCTAssertEqual(try parse(#""\uDE00""#), .string("\u{FFFD}"))
        XCTAssertEqual(try parse(#""\uD83D\u0041""#), .string("\u{FFFD}A"))
        XCTAssertEqual(try parse(#""\uD83D\uD83D\uDE00""#), .string("\u{FFFD}😀"))
    }

    func testRawUnicodeAndLineSeparators() throws {
        XCTAssertEqual(try parse("\"héllo wörld 😀 \u{2028}\u{2029}\""), .string("héllo wörld 😀 \u{2028}\u{2029}"))
        XCTAssertEqual(try parse("\"é\\n😀\""), .string("é\n😀"))
    }

    func testEndOfInput() {
        for text in ["", "   ", "[", "[1", "[1,", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "\"abc", "\"a\\", "\"\\u12",
                     "tru", "-", "1.", "1e", "1e+"] {
            assertRefused(text, "Unexpected end of JSON input", offset: text.utf8.count)
        }
    }

    func testUnexpectedTokens() {
        assertRefused("{\"a\":1,}", "Unexpected token } in JSON at position 7", offset: 7)
        assertRefused("[1,]", "Unexpected token ] in JSON at position 3")
        assertRefused("[1 2]", "Unexpected number in JSON at position 3")
        assertRefused("{\"a\" \"b\"}", "Unexpected string in JSON at position 5")
        assertRefused("{a:1}", "Unexpected token a in JSON at position 1")
        assertRefused("{1:1}", "Unexpected number in JSON at position 1")
        assertRefused("{\"a\" 1}", "Unexpected number in JSON at position 5")
        assertRefused("[1}", "Unexpected token } in JSON at position 2")
        assertRefused("'a'", "Unexpected token ' in JSON at position 0")
        assertRefused("trux", "Unexpected token x in JSON at position 3")
        assertRefused("nul", "Unexpected end of JSON input")
        assertRefused("TRUE", "Unexpected token T in JSON at position 0")
    }

    func testTrailingGarbage() {
        assertRefused("{} x", "Unexpected token x in JSON at position 3", offset: 3)
        assertRefused("1 2", "Unexpected number in JSON at position 2")
        assertRefused("[]]", "Unexpected token ] in JSON at position 2")
        assertRefused("\"a\"\"b\"", "Unexpected string in JSON at position 3")
        assertRefused("null\u{0}", "Unexpected token \u{0} in JSON at position 4")
    }

    func testNumberGrammar() {
        assertRefused("01", "Unexpected number in JSON at position 1")
        assertRefused("-01", "Unexpected number in JSON at position 2")
        assertRefused("00", "Unexpected number in JSON at position 1")
        assertRefused("+1", "Unexpected token + in JSON at position 0")
        assertRefused(".5", "Unexpected token . in JSON at position 0")
        assertRefused("1.e5", "Unexpected token e in JSON at position 2")
        assertRefused("-a", "Unexpected token a in JSON at position 1")
        assertRefused("1e+x", "Unexpected token x in JSON at position 3")
        assertRefused("0x10", "Unexpected token x in JSON at position 1")
        assertRefused("NaN", "Unexpected token N in JSON at position 0")
        assertRefused("Infinity", "Unexpected token I in JSON at position 0")
        assertRefused("-Infinity", "Unexpected token I in JSON at position 1")
        assertRefused("[1.5.2]", "Unexpected token . in JSON at position 4")
    }

    func testStringRefusals() {
        assertRefused("\"a\nb\"", "Bad control character in string literal in JSON at position 2", offset: 2)
        assertRefused("\"\t\"", "Bad control character in string literal in JSON at position 1")
        assertRefused("\"\\n\u{1F}\"", "Bad control character in string literal in JSON at position 3")
        assertRefused(#""\x""#, "Unexpected token x in JSON at position 2")
        assertRefused(#""\u12G4""#, "Unexpected token G in JSON at position 5")
        assertRefused(#""\'""#, "Unexpected token ' in JSON at position 2")
    }

    func testInvalidUTF8() {
        assertRefused(bytes: [0x22, 0x61, 0xFF, 0x22], "Invalid UTF-8 in JSON at position 2", offset: 2)
        assertRefused(bytes: [0x22, 0xC0, 0xAF, 0x22], "Invalid UTF-8 in JSON at position 1")  // overlong "/"
        assertRefused(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "Invalid UTF-8 in JSON at position 1")  // surrogate
        assertRefused(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "Invalid UTF-8 in JSON at position 1")  // > U+10FFFF
        assertRefused(bytes: [0x22, 0xE2, 0x82, 0x22], "Invalid UTF-8 in JSON at position 1")  // truncated
        assertRefused(bytes: [0x22, 0x5C, 0x6E, 0x80, 0x22], "Invalid UTF-8 in JSON at position 3")  // after an escape
        assertRefused(bytes: [0x5B, 0xFF, 0x5D], "Invalid UTF-8 in JSON at position 1")
        // Positions count UTF-16 code units, offsets count bytes.
        assertRefused("[\"é😀\", x]", "Unexpected token x in JSON at position 8", offset: 11)
        assertRefused("[é]", "Unexpected token é in JSON at position 1", offset: 1)
    }

    func testNestingLimit() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(deepest))
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        assertRefused(tooDeep, "Nesting deeper than 64 levels in JSON at position 64", offset: 64)
        let objects = String(repeating: "{\"a\":", count: 3) + "1" + String(repeating: "}", count: 3)
        XCTAssertNoThrow(try parse(objects, maxDepth: 3))
        assertRefused(objects, "Nesting deeper than 2 levels in JSON at position 10", maxDepth: 2)
        // Far past the limit the parser must stop early instead of recursing.
        assertRefused(String(repeating: "[", count: 100_000), "Nesting deeper than 64 levels in JSON at position 64")
    }

    func testRoundTrip() throws {
        let documents = [
            #"{"id":1,"name":"Ann \"A\" O'Neil","tags":["x","y"],"nested":{"a":[1,2.5,-3e-7,null,true,false]}}"#,
            #"[1e+21,1e21,0.1,-0,123456789012345680000,5e-324,"\u0001\u001f\n\t","😀é\u2028"]"#,
            #"{"":{"":[]}}"#,
        ]
        for text in documents {
            let value = try parse(text)
            let written = value.serialized()
            XCTAssertEqual(try JSONParser.parse(written), value, String(decoding: written, as: UTF8.self))
        }
    }
}
