/// The rules behind calapi's own `format`s and `x-coerce`, stated in keywords every OpenAPI tool
/// understands, so that a generated client (or schemathesis) produces only values the validator
/// accepts. The validator's code is the reference; each rule here describes it exactly or a
/// subset of it (never more).
enum DocumentedFormats {
    /// The component every `format: timezone` refers to.
    static let timeZoneComponent = "TimeZone"

    /// `EmailAddress.isValid` (Cal.com's e-mail regex) without its case-insensitive flag: a local
    /// part of letters, digits and `_ + , - . '` with no leading, trailing or doubled dot and no
    /// trailing comma; labels of letters, digits and `-` starting with a letter or digit; a
    /// top-level domain of two letters or more.
    static let emailPattern =
        #"^([A-Za-z0-9_+,'-]+\.)*[A-Za-z0-9_+,'-]*[A-Za-z0-9_+'-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$"#

    /// The date-times calapi takes whole: `ISODateTime.timeValue` (JavaScript's `Date.parse`) accepts
    /// them, and so does PostgreSQL, which stores them and refuses a UTC offset beyond ±15:59
    /// (RFC 3339 allows ±23:59). Other forms `Date.parse` takes (a date alone, no offset) are not stated.
    static let dateTimePattern =
        #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-](0[0-9]|1[0-5]):[0-5][0-9])$"#

    /// `ISODateTime.isTimeOfDay`: `HH:mm` or `HH:mm:ss` (OpenAPI's `time` would mean RFC 3339's
    /// full-time, with an offset, which calapi refuses).
    static let timePattern = #"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"#

    /// The node with its format's or coercion's rules added.
    static func stated(_ node: JSONObject) -> JSONObject {
        var object = node
        switch object["format"] {
        case .string("email")?:
            // OpenAPI's `email` (RFC 5321) refuses addresses Cal.com's rule takes (`a@b-.io`): the pattern says it exactly.
            object.members.removeAll { $0.key == "format" }
            if object["pattern"] == nil { object["pattern"] = .string(emailPattern) }
            if object["maxLength"] == nil { object["maxLength"] = .int(254) }
            if object["description"] == nil { object["description"] = .string("An e-mail address, by Cal.com's rule (the pattern)") }
        case .string("date-time")?:
            if object["pattern"] == nil { object["pattern"] = .string(dateTimePattern) }
        case .string("time")?:
            object.members.removeAll { $0.key == "format" }
            if object["pattern"] == nil { object["pattern"] = .string(timePattern) }
            if object["description"] == nil { object["description"] = .string("A time of day, `HH:mm` or `HH:mm:ss` (24-hour clock)") }
        case .string("timezone")?:
            object["allOf"] = [["$ref": .string("#/components/schemas/\(timeZoneComponent)")]]
        default: break
        }
        if object["x-coerce"] == .string("digits"), object["minimum"] == nil { object["minimum"] = .int(0) }
        return object
    }

    /// `TimeZone`: the names `format: timezone` accepts on this server (its tz database).
    static var timeZone: ComponentSchema {
        var schema = JSONObject()
        schema["type"] = "string"
        schema["description"] = "An IANA time zone name, as the server's tz database knows it (case-sensitive)"
        schema["example"] = "Europe/London"
        let names = TimeZoneNames.shared.ordered
        if !names.isEmpty { schema["enum"] = .array(names.map { .string($0) }) }
        return ComponentSchema(name: timeZoneComponent, schema: .object(schema))
    }
}
