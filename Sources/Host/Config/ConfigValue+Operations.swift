extension ConfigValue {
    /// One of the raw values of `type`'s cases, e.g. `json` of `LogSettings.Format`.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw Invalid(message: "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return value
    }

    static func logLevel(_ text: String) throws -> LogSettings.Level {
        guard let level = LogSettings.Level.allCases.first(where: { $0.name == text }) else {
            let names = LogSettings.Level.allCases.map(\.name).joined(separator: ", ")
            throw Invalid(message: "expected one of \(names), got \"\(text)\"")
        }
        return level
    }

    /// A bearer token: 16 to 256 visible ASCII characters, so that it fits an `Authorization` header and
    /// is not guessable by being short. The value itself is never echoed in a message.
    static func token(_ text: String) throws -> String {
        guard (16...256).contains(text.utf8.count), text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Invalid(message: "expected a token of 16 to 256 visible ASCII characters without spaces")
        }
        return text
    }
}
