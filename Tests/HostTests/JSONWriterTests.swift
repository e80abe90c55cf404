import XCTest
@testable import Host

/// The writer: escaping, numbers printed like JavaScript, compact layout.
final class JSONWriterTests: XCTestCase {
    private func text(_ value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    private func doubleText(_ number: Double) -> String {
        var writer = JSONWriter()
        writer.writeDouble(number)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func testCompactLayoutKeepsMemberOrder() {
        let value: JSONValue = ["z": 1, "a": [true, false, .null], "m": ["k": "v"], "e": [:], "l": []]
        XCTAssertEqual(text(value), #"{"z":1,"a":[true,false,null],"m":{"k":"v"},"e":{},"l":[]}"#)
    }

    func testEveryControlCharacterIsEscaped() {
        let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        for byte in UInt8(0)..<0x20 {
            let expected = short[byte] ?? "\\u00" + String(byte >> 4) + String(byte & 0xF, radix: 16)
            XCTAssertEqual(text(.string(String(UnicodeScalar(byte)))), "\"\(expected)\"", "byte \(byte)")
        }
        XCTAssertEqual(text(.string("\u{1F}")), #""\u001f""#)
        XCTAssertEqual(text(.string("\u{7F}")), "\"\u{7F}\"")
    }

    func testQuotesBackslashesAndUnicode() {
        XCTAssertEqual(text(.string(#"say "hi" \ bye"#)), #""say \"hi\" \\ bye""#)
        XCTAssertEqual(text(.string("/")), #""/""#)
        XCTAssertEqual(text(.string("é😀\u{2028}\u{2029}")), "\"é😀\u{2028}\u{2029}\"")
        XCTAssertEqual(text(.string("")), #""""#)
        XCTAssertEqual(text(["a\"b": "c\nd"]), #"{"a\"b":"c\nd"}"#)
    }

    func testWriteEscapedRawBytesAndWriteRaw() {
        var writer = JSONWriter()
        writer.writeRaw("[".utf8)
        Array("tab\there \"q\"".utf8).withUnsafeBytes { writer.writeEscaped($0) }
        writer.writeRaw(",".utf8)
        writer.writeString("x")
        writer.writeRaw("]".utf8)
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), #"["tab\there \"q\"","x"]"#)
    }

    func testIntegers() {
        XCTAssertEqual(text(.int(0)), "0")
        XCTAssertEqual(text(.int(-42)), "-42")
        XCTAssertEqual(text(.int(.max)), "9223372036854775807")
        XCTAssertEqual(text(.int(.min)), "-9223372036854775808")
    }

    func testDoublesPrintLikeJavaScript() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (-1.5, "-1.5"), (100, "100"),
            (254, "254"), (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (Double("123456789012345680000")!, "123456789012345680000"), (1.5e21, "1.5e+21"), (1e-6, "0.000001"),
            (1e-7, "1e-7"), (1.2e-7, "1.2e-7"), (0.000123, "0.000123"), (1e16, "10000000000000000"),
            (0x1p53, "9007199254740992"), (.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (-2.5e-10, "-2.5e-10"), (3.14159, "3.14159"),
            (123.456, "123.456"), (1e300, "1e+300"), (4.35, "4.35"), (0.5, "0.5"), (1234.5e10, "12345000000000"),
        ]
        for (number, expected) in cases {
            XCTAssertEqual(doubleText(number), expected, "\(number)")
        }
    }

    func testNonFiniteDoublesBecomeNull() {
        XCTAssertEqual(text([.double(.nan), .double(.infinity), .double(-.infinity)]), "[null,null,null]")
    }

    func testJavaScriptTextHelper() {
        XCTAssertEqual(JSONWriter.javaScriptText(254), "254")
        XCTAssertEqual(JSONWriter.javaScriptText(0.5), "0.5")
    }
}
