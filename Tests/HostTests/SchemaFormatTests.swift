import XCTest
@testable import Host

/// The `format` values and the Cal.com validators they reproduce.
final class SchemaFormatTests: XCTestCase {
    private func formatIssues(_ format: String, _ text: String) throws -> [ValidationIssue] {
        try validationIssues(["type": "string", "format": .string(format)], .string(text))
    }

    func testEmailAccepts() throws {
        for address in ["a@b.co", "First.Last@Example.COM", "o'neil+tag@mail.example.org", "x_y-z@sub-1.domain.io",
                        "a,b@c.de", "1@2.ab", "a-@b.cd"] {
            XCTAssertEqual(try formatIssues("email", address), [], address)
        }
    }

    func testEmailRefuses() throws {
        for address in ["", "plain", "@b.co", "a@", "a@b", "a@b.c", ".a@b.co", "a..b@c.de", "a.@b.co", "a,@b.co",
                        "a@-b.co", "a@b..co", "a@b.co.", "a@b.c0m", "a b@c.de", "é@b.co", "a@b@c.de", "a@b_c.de",
                        "a@.b.co", "a\"b@c.de", "a@b.co\n"] {
            XCTAssertEqual(try formatIssues("email", address), [issue("invalid_string", [], "Invalid")], address)
        }
    }

    func testEmailLengthLimit() throws {
        let local = String(repeating: "a", count: 64)
        let domain = String(repeating: "b", count: 185) + ".com"
        XCTAssertEqual((local + "@" + domain).count, 254)
        XCTAssertEqual(try formatIssues("email", local + "@" + domain), [])
        XCTAssertEqual(try formatIssues("email", local + "@b" + domain),
                       [issue("too_big", [], "Email address is too long")])
        XCTAssertEqual(try formatIssues("email", String(repeating: "x", count: 300)), [
            issue("too_big", [], "Email address is too long"),
            issue("invalid_string", [], "Invalid"),
        ])
    }

    func testDateTimeAcceptsWhatDateParseAccepts() throws {
        for text in ["2024-01-15", "2024-01", "2024", "2024-01-15T10:30", "2024-01-15T10:30:00", "2024-01-15T10:30:00Z",
                     "2024-01-15T10:30:00.123Z", "2024-01-15T10:30:00.1234567+05:30", "2024-01-15T23:59:59-08:00",
                     "2024-01-15 10:30:00", "+002024-01-15T00:00:00Z", "-000001-01-01", "2024-02-31T00:00:00Z",
                     "2024-01-15T24:00:00Z", "1970-01-01T00:00:00.001Z"] {
            XCTAssertEqual(try formatIssues("date-time", text), [], text)
        }
    }

    func testDateTimeRefuses() throws {
        for text in ["", "yesterday", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-15T25:00", "2024-01-15T24:01",
                     "2024-01-15T10:60", "2024-01-15T10:30:60", "2024-1-5", "24-01-15", "2024-01-15T10", "2024-01-15T10:30:00.Z",
                     "2024-01-15T10:30+0530", "2024-01-15T10:30Zjunk", "-000000-01-01", "+275761-01-01",
                     // Cal.com tests `!Date.parse(...)`: the epoch is falsy and refused.
                     "1970-01-01T00:00:00Z", "1970-01-01", "1970-01-01T01:00:00+01:00"] {
            XCTAssertEqual(try formatIssues("date-time", text), [issue("custom", [], "Invalid ISO Date")], text)
        }
    }

    func testDateTimeValues() {
        XCTAssertEqual(ISODateTime.timeValue(of: "2024-01-15T10:30:00.5Z"), 1_705_314_600_500)
        XCTAssertEqual(ISODateTime.timeValue(of: "2024-01-15T10:30:00+01:00"), 1_705_311_000_000)
        XCTAssertEqual(ISODateTime.timeValue(of: "1969-12-31"), -86_400_000)
        XCTAssertEqual(ISODateTime.timeValue(of: "2000-02-29"), 951_782_400_000)
        XCTAssertEqual(ISODateTime.timeValue(of: "+275760-09-13T00:00:00Z"), 8.64e15)
        XCTAssertEqual(ISODateTime.timeValue(of: "2024-02-31"), ISODateTime.timeValue(of: "2024-03-02"))
    }

    func testDate() throws {
        for text in ["2024-01-31", "2024-02-29", "2000-02-29", "1999-12-31"] {
            XCTAssertEqual(try formatIssues("date", text), [], text)
        }
        for text in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-1-01", "2024-01-01T00:00", "20240101", "2024-13-01", "2024-00-01", "2024-01-00"] {
            XCTAssertEqual(try formatIssues("date", text), [issue("invalid_string", [], "Invalid date")], text)
        }
    }

    func testTime() throws {
        for text in ["00:00", "23:59", "09:30:15", "23:59:59"] {
            XCTAssertEqual(try formatIssues("time", text), [], text)
        }
        for text in ["24:00", "9:30", "12:60", "12:00:60", "12:00:00.5", "12", "1200"] {
            XCTAssertEqual(try formatIssues("time", text), [issue("invalid_string", [], "Invalid time")], text)
        }
    }

    func testTimeZoneNames() throws {
        let names = TimeZoneNames.shared.names
        try XCTSkipIf(names.isEmpty, "no tz database on this machine")
        for zone in ["Europe/Paris", "America/New_York", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata"] {
            XCTAssertEqual(try formatIssues("timezone", zone), [], zone)
        }
        for notZone in ["posix/Europe/Paris", "right/UTC", "zone.tab", "localtime", "Europe", "iso3166.tab", "tzdata.zi"] {
            XCTAssertFalse(names.contains(notZone), notZone)
        }
        let refused = try formatIssues("timezone", "EUROPE/PARIS")
        XCTAssertEqual(refused.map(\.code), ["custom"])
        let message = refused.first?.message ?? ""
        XCTAssertTrue(message.hasPrefix("Expected one of the following: "))
        let listed = message.dropFirst("Expected one of the following: ".count).components(separatedBy: ", ")
        XCTAssertEqual(listed.count, names.count)
        XCTAssertEqual(Set(listed), names)
        XCTAssertEqual(listed, listed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertTrue(listed.contains("Europe/Paris"))
    }
}
