/// How a query string becomes a number where a schema wants one (calapi's `x-coerce` keyword),
/// after the Cal.com validator the route used. Path parameters travel as query values, so this is
/// also how a route reads its ids.
enum QueryNumberRule {
    /// zod's `z.coerce.number()`: JavaScript's `Number()` (`" 7 "`, `1e3`, `0x1F`); the default.
    case number
    /// Cal.com's `stringOrNumber`: JavaScript's `parseInt(text, 10)`, so `"12abc"` is 12.
    case parseInt
    /// Cal.com's `schemaQueryTeamId`: ASCII digits only (`^\d+$`), then their value.
    case digits

    /// The rule an `x-coerce` value names; nil if unknown.
    init?(name: String) {
        switch name {
        case "number": self = .number
        case "parseInt": self = .parseInt
        case "digits": self = .digits
        default: return nil
        }
    }

    /// The number `text` stands for (`.int` when it is an integer that fits, else `.double`), or nil
    /// once the validator's issue for it is reported in `run`.
    func convert(_ text: String, in run: inout ValidationRun) -> JSONValue? {
        switch self {
        case .number:
            if let number = JavaScriptNumber.parse(text) { return number }
            run.report("invalid_type", "Expected number, received nan")
        case .parseInt:
            if let number = Self.leadingInteger(text) { return number }
            run.report("custom", "Not a number")
        case .digits:
            if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return Self.integer(negative: false, digits: Substring(text))
            }
            run.report("invalid_string", "Invalid")
        }
        return nil
    }

    /// `parseInt(text, 10)`: optional leading white space and sign, then the longest run of digits;
    /// nil where JavaScript gives NaN.
    private static func leadingInteger(_ text: String) -> JSONValue? {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0 >= "0" && $0 <= "9" }
        return digits.isEmpty ? nil : integer(negative: negative, digits: digits)
    }

    /// The value of a run of decimal digits: `.int` when it fits 64 bits, else JavaScript's double.
    private static func integer(negative: Bool, digits: Substring) -> JSONValue {
        if let magnitude = Int64(digits) { return .int(negative ? -magnitude : magnitude) }
        let value = Double(digits) ?? .infinity
        return .double(negative ? -value : value)
    }
}
