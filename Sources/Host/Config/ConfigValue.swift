/// The checks and conversions each setting's text goes through, the same for config.yaml and for
/// the environment. Each throws `Invalid` with the reason; the caller adds where the text came from.
enum ConfigValue {
    struct Invalid: Error {
        let message: String
    }

    static let methods = ["GET", "POST", "PATCH", "DELETE", "PUT"]

    /// A decimal integer within `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw Invalid(message: "expected an integer from \(range.lowerBound) to \(range.upperBound), got \(quoted(text))")
        }
        return value
    }

    /// A number of seconds (decimals allowed) within `range`.
    static func seconds(_ text: String, in range: ClosedRange<Double>) throws -> Double {
        let isDecimal = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard isDecimal, let value = Double(text), range.contains(value) else {
            throw Invalid(message: "expected a number of seconds from \(plain(range.lowerBound)) to \(plain(range.upperBound)), "
                + "got \(quoted(text))")
        }
        return value
    }

    /// `true` or `false` (YAML 1.1's `yes`, `on` and the like are refused: they read ambiguously).
    static func boolean(_ text: String) throws -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw Invalid(message: "expected true or false, got \(quoted(text))")
        }
    }

    /// Text that must not be empty nor contain spaces or control characters (a host, a key prefix).
    static func word(_ text: String, describing what: String) throws -> String {
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw Invalid(message: "expected \(what) without spaces, got \(quoted(text))")
        }
        return text
    }

    /// A resource as it appears in the URL: `^[a-z][a-z0-9-]*$`.
    static func resourceName(_ text: String) throws -> String {
        guard let first = text.utf8.first, isLower(first), text.utf8.allSatisfy({ isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") })
        else {
            throw Invalid(message: "invalid resource name \(quoted(text)) (lower-case letters, digits and \"-\", starting with a letter)")
        }
        return text
    }

    /// A plugin family, the `<Name>` of `lib<Name>.so`: `[A-Za-z0-9_]+`, so it cannot leave the plugin folder.
    static func pluginName(_ text: String) throws -> String {
        guard !text.isEmpty, text.utf8.allSatisfy({ isLower($0 | 0x20) || isDigit($0) || $0 == UInt8(ascii: "_") }) else {
            throw Invalid(message: "invalid plugin name \(quoted(text)) (letters, digits and \"_\" only)")
        }
        return text
    }

    /// A plugin file outside the plugin folder: a path (relative to the config file's folder)
    /// whose file name is `lib<Name>.so`, returned absolute.
    static func pluginFile(_ text: String, against base: String) throws -> String {
        let path = try self.path(text, against: base)
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard name.hasPrefix("lib"), name.hasSuffix(".so"), name.count > 6,
              (try? pluginName(String(name.dropFirst(3).dropLast(3)))) != nil else {
            throw Invalid(message: "invalid plugin file \(quoted(text)) (expected a path ending in lib<Name>.so, <Name> of letters, digits and \"_\")")
        }
        return path
    }

    /// An HTTP method calapi can serve, in any case; returned upper-case.
    static func method(_ text: String) throws -> String {
        let upper = text.uppercased()
        guard methods.contains(upper) else {
            throw Invalid(message: "unknown method \(quoted(text)) (allowed: \(methods.joined(separator: ", ")))")
        }
        return upper
    }

    /// A folder; relative ones resolve against `base`.
    static func path(_ text: String, against base: String) throws -> String {
        guard !text.isEmpty else { throw Invalid(message: "expected a path, got \"\"") }
        return ConfigPath.resolve(text, against: base)
    }

    private static func quoted(_ text: String) -> String {
        "\"\(text)\""
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// 0.1 as "0.1", 300 as "300".
    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
