import Foundation
@testable import Host

/// Checks a response body against an OpenAPI 3.0 schema of the served document: `$ref` (local),
/// `nullable`, `type`, `enum`, `properties`, `required`, `additionalProperties`, `items`,
/// `minItems`/`maxItems`, `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `oneOf`/`anyOf`/`allOf`,
/// and the `date-time` and `date` formats. Other keywords are not checked.
///
/// Besides breaches of the schema it notes members an object schema does not declare (when it
/// says nothing about `additionalProperties`): allowed by OpenAPI, but a gap in the document.
///
/// The host's request validator (`JSONSchema`) is not reused: it follows zod's semantics for
/// requests, refuses `$ref`, and coerces, while a response is judged by the document's own rules.
struct ResponseSchemaChecker {
    /// One way a value departs from its schema.
    struct Problem: Equatable {
        let text: String
        /// An undeclared member: a gap in the document, not a breach of it.
        var undocumented = false
    }

    let document: JSONValue

    /// Every way `value` departs from `schema`, as "$.path: problem" (empty when it conforms).
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$", depth: Int = 0) -> [Problem] {
        guard depth < 64, case .object(let rules) = schema else { return [] }
        if case .string(let ref)? = rules["$ref"] {
            guard let target = resolve(ref) else { return ["\(path): unresolvable $ref \(ref)"] }
            return problems(value, target, at: path, depth: depth + 1)
        }
        if value == .null, rules["nullable"] == .bool(true) { return [] }
        var found: [Problem] = []
        if case .array(let options)? = rules["allOf"] {
            for option in options { found += problems(value, option, at: path, depth: depth + 1) }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let options)? = rules[keyword] else { continue }
            let matching = options.filter { !problems(value, $0, at: path, depth: depth + 1).contains { !$0.undocumented } }.count
            if matching == 0 { found.append("\(path): matches none of its \(keyword) (\(describe(value)))") }
            if keyword == "oneOf", matching > 1 { found.append("\(path): matches \(matching) of its oneOf") }
        }
        if case .string(let type)? = rules["type"], let problem = typeProblem(value, type) {
            return found + ["\(path): \(problem)"]
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(value) {
            found.append("\(path): \(describe(value)) is not one of \(String(decoding: JSONValue.array(allowed).serialized(), as: UTF8.self))")
        }
        found += scalarProblems(value, rules, at: path)
        switch value {
        case .object(let object): found += objectProblems(object, rules, at: path, depth: depth)
        case .array(let items):
            if case .int(let least)? = rules["minItems"], items.count < least { found.append("\(path): fewer than \(least) items") }
            if case .int(let most)? = rules["maxItems"], items.count > most { found.append("\(path): more than \(most) items") }
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() {
                    found += problems(item, itemSchema, at: "\(path)[\(index)]", depth: depth + 1)
                }
            }
        default: break
        }
        return found
    }

    private func objectProblems(_ object: JSONObject, _ rules: JSONObject, at path: String, depth: Int) -> [Problem] {
        var found: [Problem] = []
        var declared = JSONObject()
        if case .object(let properties)? = rules["properties"] { declared = properties }
        if case .array(let names)? = rules["required"] {
            for case .string(let name) in names where object[name] == nil { found.append("\(path).\(name): required but absent") }
        }
        for (name, member) in object.members {
            if let schema = declared[name] {
                found += problems(member, schema, at: "\(path).\(name)", depth: depth + 1)
            } else if rules["additionalProperties"] == .bool(false) {
                found.append("\(path).\(name): not allowed (additionalProperties is false)")
            } else if rules["additionalProperties"] == nil, rules["properties"] != nil {
                found.append(Problem(text: "\(path).\(name): not a documented property", undocumented: true))
            } else if case .object? = rules["additionalProperties"], let schema = rules["additionalProperties"] {
                found += problems(member, schema, at: "\(path).\(name)", depth: depth + 1)
            }
        }
        return found
    }

    private func scalarProblems(_ value: JSONValue, _ rules: JSONObject, at path: String) -> [Problem] {
        var found: [Problem] = []
        switch value {
        case .int, .double:
            let number: Double = if case .int(let i) = value { Double(i) } else if case .double(let d) = value { d } else { 0 }
            if let least = rules["minimum"].flatMap(Self.number), number < least { found.append("\(path): \(describe(value)) is below \(least)") }
            if let most = rules["maximum"].flatMap(Self.number), number > most { found.append("\(path): \(describe(value)) is above \(most)") }
        case .string(let text):
            let length = text.unicodeScalars.count
            if case .int(let least)? = rules["minLength"], length < least { found.append("\(path): shorter than \(least)") }
            if case .int(let most)? = rules["maxLength"], length > most { found.append("\(path): longer than \(most)") }
            if case .string(let format)? = rules["format"], let problem = formatProblem(text, format) {
                found.append("\(path): \(problem)")
            }
            if case .string(let pattern)? = rules["pattern"], text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \"\(text.prefix(40))\" does not match \(pattern)")
            }
        default: break
        }
        return found
    }

    private func typeProblem(_ value: JSONValue, _ type: String) -> String? {
        let fits: Bool = switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double): true
        case ("integer", .double(let number)): number.rounded() == number
        default: false
        }
        return fits ? nil : "expected \(type), got \(describe(value))"
    }

    /// `date-time` is RFC 3339 (a date, `T`, a time, an offset or `Z`); `date` is YYYY-MM-DD.
    private func formatProblem(_ text: String, _ format: String) -> String? {
        let digit = "[0-9]"
        let date = "\(digit){4}-\(digit){2}-\(digit){2}"
        let pattern: String
        switch format {
        case "date-time": pattern = "^\(date)[Tt]\(digit){2}:\(digit){2}:\(digit){2}(\\.\(digit)+)?([Zz]|[+-]\(digit){2}:\(digit){2})$"
        case "date": pattern = "^\(date)$"
        default: return nil
        }
        return text.range(of: pattern, options: .regularExpression) == nil ? "\"\(text)\" is not a \(format)" : nil
    }

    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for part in ref.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard case .object(let object)? = node else { return nil }
            node = object[key]
        }
        return node
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension ResponseSchemaChecker.Problem: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    init(stringLiteral text: String) { self.text = text }
}
