import XCTest
@testable import Host

/// A realistic schema: Cal.com v1's `schemaUserCreateBodyParams` (POST /users), written as the
/// JSON a plugin would hand to the host, with the messages Cal.com answers for bad bodies.
final class SchemaUsersTests: XCTestCase {
    private static let weekdays = #"["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]"#
    private static let locales = #"["en", "fr", "it", "ru", "es", "de", "pt", "ro", "nl", "pt-BR", "es-419", "ko", "ja", "pl", "ar", "iw", "zh-CN", "zh-TW", "cs", "sr", "sv", "vi", "bn"]"#

    private static let schemaText = """
    {
      "type": "object",
      "required": ["email", "username"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string", "nullable": true},
        "email": {"type": "string", "format": "email"},
        "username": {"type": "string"},
        "bio": {"type": "string", "nullable": true},
        "timeZone": {"type": "string", "format": "timezone"},
        "weekStart": {"type": "string", "enum": \(weekdays)},
        "theme": {"type": "string", "enum": ["dark", "light"], "nullable": true},
        "appTheme": {"type": "string", "enum": ["dark", "light"], "nullable": true},
        "defaultScheduleId": {"type": "number", "exclusiveMinimum": 0, "nullable": true},
        "locale": {"type": "string", "enum": \(locales)},
        "hideBranding": {"type": "boolean"},
        "timeFormat": {"type": "number", "enum": [12, 24]},
        "brandColor": {"type": "string", "minLength": 4, "maxLength": 9, "pattern": "^#"},
        "darkBrandColor": {"type": "string", "minLength": 4, "maxLength": 9, "pattern": "^#"},
        "allowDynamicBooking": {"type": "boolean", "nullable": true},
        "role": {"type": "string", "enum": ["USER", "ADMIN"]},
        "createdDate": {"type": "string", "format": "date-time", "description": "ISO 8601"},
        "avatar": {"type": "string"}
      }
    }
    """

    private var schema: JSONSchema!

    override func setUpWithError() throws {
        schema = try JSONSchema.compile(try JSONParser.parse(Array(Self.schemaText.utf8)))
    }

    private func message(_ body: String) throws -> String {
        schema.validate(try JSONParser.parse(Array(body.utf8))).issues.zodMessage
    }

    func testMinimalBody() throws {
        XCTAssertEqual(try message(#"{"email": "ann@example.com", "username": "ann"}"#), "")
    }

    func testFullBody() throws {
        try XCTSkipIf(TimeZoneNames.shared.names.isEmpty, "no tz database on this machine")
        let body = """
        {"name": null, "email": "Ann.O'Neil+cal@Example.com", "username": "ann", "bio": "Hi", "timeZone": "Europe/Paris",
         "weekStart": "Sunday", "theme": null, "appTheme": "dark", "defaultScheduleId": 3, "locale": "pt-BR",
         "hideBranding": true, "timeFormat": 24, "brandColor": "#ff0000", "darkBrandColor": "#fff",
         "allowDynamicBooking": null, "role": "ADMIN", "createdDate": "2024-01-15T10:30:00.000Z", "avatar": ""}
        """
        XCTAssertEqual(try message(body), "")
    }

    func testMissingRequiredFields() throws {
        XCTAssertEqual(try message("{}"), "invalid_type in 'email': Required; invalid_type in 'username': Required")
    }

    func testSeveralBadFieldsInSchemaOrderThenUnknownKeys() throws {
        let body = """
        {"foo": 1, "role": "ROOT", "brandColor": "red", "timeFormat": 13, "locale": "xx", "weekStart": "funday",
         "username": "ann", "email": "bad", "bar": true}
        """
        XCTAssertEqual(try message(body), [
            "invalid_string in 'email': Invalid",
            "invalid_enum_value in 'weekStart': Invalid enum value. Expected 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday', received 'funday'",
            "invalid_enum_value in 'locale': Invalid enum value. Expected 'en' | 'fr' | 'it' | 'ru' | 'es' | 'de' | 'pt' | 'ro' | 'nl' | 'pt-BR' | 'es-419' | 'ko' | 'ja' | 'pl' | 'ar' | 'iw' | 'zh-CN' | 'zh-TW' | 'cs' | 'sr' | 'sv' | 'vi' | 'bn', received 'xx'",
            "invalid_enum_value in 'timeFormat': Invalid enum value. Expected 12 | 24, received '13'",
            "too_small in 'brandColor': String must contain at least 4 character(s)",
            "invalid_string in 'brandColor': Invalid",
            "invalid_enum_value in 'role': Invalid enum value. Expected 'USER' | 'ADMIN', received 'ROOT'",
            "Unrecognized key(s) in object: 'foo', 'bar'",
        ].joined(separator: "; "))
    }

    func testWrongTypes() throws {
        let body = #"{"email": 5, "username": null, "hideBranding": "yes", "timeFormat": "12", "defaultScheduleId": 0, "name": 1}"#
        XCTAssertEqual(try message(body), [
            "invalid_type in 'name': Expected string, received number",
            "invalid_type in 'email': Expected string, received number",
            "invalid_type in 'username': Expected string, received null",
            "too_small in 'defaultScheduleId': Number must be greater than 0",
            "invalid_type in 'hideBranding': Expected boolean, received string",
            "invalid_enum_value in 'timeFormat': Invalid enum value. Expected 12 | 24, received '12'",
        ].joined(separator: "; "))
    }

    func testColorsAndDates() throws {
        XCTAssertEqual(try message(##"{"email": "a@b.co", "username": "a", "darkBrandColor": "#1234567890"}"##),
                       "too_big in 'darkBrandColor': String must contain at most 9 character(s)")
        XCTAssertEqual(try message(#"{"email": "a@b.co", "username": "a", "createdDate": "last week"}"#),
                       "custom in 'createdDate': Invalid ISO Date")
        XCTAssertEqual(try message(#"{"email": "a@b.co", "username": "a", "locale": null}"#),
                       "invalid_type in 'locale': Expected 'en' | 'fr' | 'it' | 'ru' | 'es' | 'de' | 'pt' | 'ro' | 'nl' | 'pt-BR' | 'es-419' | 'ko' | 'ja' | 'pl' | 'ar' | 'iw' | 'zh-CN' | 'zh-TW' | 'cs' | 'sr' | 'sv' | 'vi' | 'bn', received null")
    }

    func testTimeZoneIsCaseSensitive() throws {
        try XCTSkipIf(TimeZoneNames.shared.names.isEmpty, "no tz database on this machine")
        let text = try message(#"{"email": "a@b.co", "username": "a", "timeZone": "EUROPE/PARIS"}"#)
        XCTAssertTrue(text.hasPrefix("custom in 'timeZone': Expected one of the following: "), text)
        XCTAssertTrue(text.contains(", Europe/Paris, "))
    }

    func testNullAndNonObjectBodies() throws {
        XCTAssertEqual(try message("null"), "Expected object, received null")
        XCTAssertEqual(try message("[]"), "Expected object, received array")
        XCTAssertEqual(schema.validate(nil).issues.zodMessage, "Required")
    }
}
