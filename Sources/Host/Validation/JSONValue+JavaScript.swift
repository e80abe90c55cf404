// How JavaScript would see a JSON value, for zod-compatible messages and comparisons.

extension JSONValue {
    /// JavaScript's `String(value)`: strings as they are, numbers as JavaScript prints them,
    /// arrays joined with ",", objects as "[object Object]".
    var javaScriptString: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return JSONWriter.javaScriptText(number)
        case .string(let text): return text
        case .array(let elements):
            return elements.map { $0 == .null ? "" : $0.javaScriptString }.joined(separator: ",")
        case .object: return "[object Object]"
        }
    }

    /// zod's name for the type of this value, as used in "received ..." (`nan` cannot occur in JSON).
    var zodTypeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The number this value holds, if it is one.
    var numberValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    /// Equality as JSON Schema defines it: numbers by value, objects regardless of member order.
    func isSameJSON(as other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.array(left), .array(right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isSameJSON(as: $1) }
        case let (.object(left), .object(right)):
            return left.members.count == right.members.count
                && left.members.allSatisfy { member in right[member.key].map { member.value.isSameJSON(as: $0) } ?? false }
        default:
            if let left = numberValue, let right = other.numberValue { return left == right }
            return self == other
        }
    }
}
