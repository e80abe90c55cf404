import XCTest
@testable import Host

/// The regular-expression matcher behind `pattern`: JavaScript `RegExp.test` semantics on the
/// supported syntax, linear time on hostile input.
final class SchemaPatternTests: XCTestCase {
    private func matches(_ pattern: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        do {
            return try SchemaPattern(pattern).matches(text)
        } catch {
            XCTFail("pattern \(pattern) refused: \(error)", file: file, line: line)
            return false
        }
    }

    func testLiteralsAnchorsAndSearch() {
        XCTAssertTrue(matches("^#", "#abc"))
        XCTAssertFalse(matches("^#", "a#bc"))
        XCTAssertTrue(matches("bc", "abcd"))
        XCTAssertTrue(matches("d$", "abcd"))
        XCTAssertFalse(matches("c$", "abcd"))
        XCTAssertTrue(matches("", ""))
        XCTAssertTrue(matches("^$", ""))
        XCTAssertFalse(matches("^$", "a"))
        XCTAssertFalse(matches("^a$", "a\n"))
    }

    func testClassesAndEscapes() {
        XCTAssertTrue(matches("^\\d+$", "0123"))
        XCTAssertFalse(matches("^\\d+$", "12a"))
        XCTAssertTrue(matches("^[a-z0-9-]+$", "my-slug-2"))
        XCTAssertFalse(matches("^[a-z0-9-]+$", "My-slug"))
        XCTAssertTrue(matches("^[^@\\s]+$", "abc"))
        XCTAssertFalse(matches("^[^@\\s]+$", "a b"))
        XCTAssertTrue(matches("^\\w+$", "A_z9"))
        XCTAssertFalse(matches("^\\W$", "a"))
        XCTAssertTrue(matches("^\\D\\S\\s$", "x-\t"))
        XCTAssertTrue(matches("^[\\d.]+$", "1.5"))
        XCTAssertTrue(matches("^[\\D]$", "x"))
        XCTAssertFalse(matches("^[\\D]$", "5"))
        XCTAssertTrue(matches("^a.c$", "abc"))
        XCTAssertFalse(matches("^a.c$", "a\nc"))
        XCTAssertTrue(matches("^\\x41\\u00e9\\t$", "Aé\t"))
        XCTAssertTrue(matches("^\\.\\*\\[\\]$", ".*[]"))
        XCTAssertTrue(matches("^[\\]\\-]+$", "]-]"))
        XCTAssertTrue(matches("^[\\w-]+$", "a-b"))
        XCTAssertTrue(matches("^]}$", "]}"))
        XCTAssertTrue(matches("^a{,2}$", "a{,2}"))
        XCTAssertTrue(matches("^\\cJ$", "\n"))
        XCTAssertTrue(matches("^[]$|x", "x"))
        XCTAssertTrue(matches("^[^]$", "\n"))
    }

    func testQuantifiersGroupsAndAlternation() {
        XCTAssertTrue(matches("^(ab)+$", "ababab"))
        XCTAssertFalse(matches("^(ab)+$", "ababa"))
        XCTAssertTrue(matches("^(?:a|bc)*d?$", "abcabc"))
        XCTAssertTrue(matches("^a{2,3}$", "aaa"))
        XCTAssertFalse(matches("^a{2,3}$", "aaaa"))
        XCTAssertFalse(matches("^a{2,3}$", "a"))
        XCTAssertTrue(matches("^a{2}$", "aa"))
        XCTAssertTrue(matches("^a{2,}$", "aaaaa"))
        XCTAssertTrue(matches("^(?<year>\\d{4})-\\d\\d$", "2024-01"))
        XCTAssertTrue(matches("^(a|b|)c$", "c"))
        XCTAssertTrue(matches("^a+?b??$", "aa"))
        XCTAssertTrue(matches("^(a*)*$", "aaaa"))
        XCTAssertTrue(matches("cat|dog", "hotdog"))
    }

    func testAssertions() {
        XCTAssertTrue(matches("\\bword\\b", "a word here"))
        XCTAssertFalse(matches("\\bword\\b", "swordfish"))
        XCTAssertTrue(matches("\\Bor\\B", "word"))
        XCTAssertTrue(matches("^(?!\\.)[a-z.]+$", "a.b"))
        XCTAssertFalse(matches("^(?!\\.)[a-z.]+$", ".ab"))
        XCTAssertTrue(matches("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123"))
        XCTAssertFalse(matches("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef"))
        XCTAssertFalse(matches("^(?!.*\\.\\.).*$", "a..b"))
    }

    func testUTF16Semantics() {
        // Without the u flag an astral character is two code units.
        XCTAssertTrue(matches("^..$", "😀"))
        XCTAssertFalse(matches("^.$", "😀"))
    }

    func testHostileInputRunsInLinearTime() {
        let input = String(repeating: "a", count: 5_000) + "!"
        let start = DispatchTime.now().uptimeNanoseconds
        XCTAssertFalse(matches("^(a+)+$", input))
        XCTAssertFalse(matches("^(a|aa)*$", input))
        XCTAssertFalse(matches("^(?=(a*)*b)", input))
        XCTAssertLessThan(DispatchTime.now().uptimeNanoseconds - start, 5_000_000_000)
    }

    func testLongInputAgainstLongPatternUsesTheSparseStateSet() {
        // About 5,500 instructions × 4,001 positions: beyond the bitmap limit.
        let text = String(repeating: "abcdefghij", count: 400)
        XCTAssertTrue(matches("^(?:[a-j]{10}){1,500}$", text))
        XCTAssertFalse(matches("^(?:[a-j]{10}){1,500}$", text + "k"))
    }
}
