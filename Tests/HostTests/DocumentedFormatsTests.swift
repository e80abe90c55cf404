import XCTest
@testable import Host

/// The document states what the validator and the handlers enforce: `x-document` rules, and the
/// rules behind calapi's formats in keywords every OpenAPI tool knows.
final class DocumentedFormatsTests: XCTestCase {
    /// `x-document` is the document's only: merged there, ignored by validation.
    func testXDocumentIsMergedIntoTheDocumentAndNotValidated() throws {
        let schema: JSONValue = ["type": "integer", "minimum": 1, "x-document": ["maximum": 10]]
        XCTAssertEqual(OpenAPISchema.from(schema), ["type": "integer", "minimum": 1, "maximum": 10])
        let validator = try JSONSchema.compile(schema)
        XCTAssertEqual(validator.validate(.int(11)).issues.count, 0, "the handler, not validation, refuses 11")
        XCTAssertEqual(validator.validate(.int(0)).issues.count, 1)
    }

    func testXDocumentMustHoldSupportedKeywords() {
        XCTAssertThrowsError(try JSONSchema.compile(["type": "string", "x-document": "pattern"]))
        XCTAssertThrowsError(try JSONSchema.compile(["type": "string", "x-document": ["patern": "^a"]]))
        XCTAssertThrowsError(try JSONSchema.compile(["type": "string", "x-document": ["pattern": "("]]))
    }

    /// Rules inside properties, items and alternatives are stated too; examples are left alone.
    func testRulesAreStatedAtEveryDepthButNotInsideExamples() {
        let schema: JSONValue = ["type": "object", "properties": ["at": ["type": "string", "format": "time"]],
                                 "example": ["format": "email"]]
        XCTAssertEqual(OpenAPISchema.from(schema), [
            "type": "object",
            "properties": ["at": ["type": "string", "pattern": .string(DocumentedFormats.timePattern),
                                  "description": "A time of day, `HH:mm` or `HH:mm:ss` (24-hour clock)"]],
            "example": ["format": "email"],
        ])
    }

    /// The e-mail pattern accepts and refuses exactly what `EmailAddress.isValid` does, and
    /// replaces OpenAPI's stricter `email` format.
    func testEmailPatternIsCalComsRule() throws {
        XCTAssertEqual(OpenAPISchema.from(["type": "string", "format": "email"]), [
            "type": "string", "pattern": .string(DocumentedFormats.emailPattern), "maxLength": 254,
            "description": "An e-mail address, by Cal.com's rule (the pattern)",
        ])
        let pattern = try NSRegularExpression(pattern: DocumentedFormats.emailPattern)
        let samples = ["a@b.co", "A.B+c@x-y.example.COM", "o'neil@example.io", "a,b@x.io", "a@b-.io", "_@0.io",
                       ".a@b.co", "a..b@x.io", "a.@b.co", "a,@b.co", "a@b", "a@b.c", "a@-b.co", "a@b..co", "a b@c.io",
                       "@b.co", "a@b.c0", "é@b.co", "a@b_c.io", "a@.b.co"]
        for sample in samples {
            let matches = pattern.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil
            XCTAssertEqual(matches, EmailAddress.isValid(sample), sample)
        }
    }

    func testTimeZoneRefersToTheNamesTheServerKnows() throws {
        XCTAssertEqual(OpenAPISchema.from(["type": "string", "format": "timezone"]),
                       ["type": "string", "format": "timezone", "allOf": [["$ref": "#/components/schemas/TimeZone"]]])
        guard case .object(let component) = DocumentedFormats.timeZone.schema, case .array(let names)? = component["enum"] else {
            return XCTFail("TimeZone lists no names")
        }
        XCTAssertEqual(names.count, TimeZoneNames.shared.names.count)
        XCTAssertTrue(names.contains("Europe/London"))
    }

    /// Date-times: within PostgreSQL's offsets, and each one the validator accepts.
    func testDateTimePatternIsASubsetOfWhatIsAccepted() throws {
        let pattern = try NSRegularExpression(pattern: DocumentedFormats.dateTimePattern)
        let matches = { (text: String) in pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
        for accepted in ["2031-05-06T09:00:00Z", "2031-05-06T09:00:00.123456+15:59", "0200-04-17T04:43:14-01:56"] {
            XCTAssertTrue(matches(accepted), accepted)
            XCTAssertNotNil(ISODateTime.timeValue(of: accepted), accepted)
        }
        for refused in ["2031-05-06T09:00:00+17:07", "2031-05-06", "2031-05-06T09:00Z", "2031-05-06 09:00:00Z"] {
            XCTAssertFalse(matches(refused), refused)
        }
    }

    func testDigitsIdsAreDocumentedAsNotNegative() {
        XCTAssertEqual(OpenAPISchema.from(["type": "integer", "x-coerce": "digits"]), ["type": "integer", "x-coerce": "digits", "minimum": 0])
    }
}
