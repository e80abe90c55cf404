/// A JSON Schema (the subset calapi supports), compiled once and then used to validate request
/// bodies and query objects with Cal.com v1's (zod v3's) issue codes and messages.
///
/// Supported keywords: `type`, `nullable`, `enum`, `const`, `properties`, `required`,
/// `additionalProperties`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
/// `minLength`, `maxLength`, `pattern`, `format` (`email`, `date-time`, `date`, `time`,
/// `timezone`), `items`, `minItems`, `maxItems`, `anyOf`, `oneOf`, and calapi's `x-message` (replaces
/// the messages of the issues raised inside a node) and `x-coerce` (how a query string becomes a
/// number: `number`, JavaScript's `Number()`, the default; `parseInt`; `digits`, see `QueryNumberRule`).
/// Annotations (`title`, `description`, `example(s)`, `default`, `deprecated`, `readOnly`,
/// `writeOnly`, `$comment`) are accepted and ignored; any other keyword is refused at compile
/// time, so a plugin cannot believe a rule is enforced when it is not.
///
/// A compiled schema is immutable: `validate` may run on many threads at once.
///
/// ```swift
/// let schema = try JSONSchema.compile(["type": "object", "required": ["email"],
///                                      "properties": ["email": ["type": "string", "format": "email"]],
///                                      "additionalProperties": false])
/// let outcome = schema.validate(body)
/// if !outcome.issues.isEmpty { respond(400, outcome.issues.zodMessage) }
/// ```
final class JSONSchema {
    /// The compiled keywords.
    let root: SchemaNode

    /// Freezes a compiled node (used by `SchemaCompiler`; call `compile` instead).
    init(root: SchemaNode) {
        self.root = root
    }

    /// Compiles `schema`.
    ///
    /// - Throws: `SchemaError` naming the JSON Pointer of the first unsupported keyword, badly
    ///   typed keyword value, unknown type or format, or pattern that cannot be compiled.
    static func compile(_ schema: JSONValue) throws -> JSONSchema {
        try SchemaCompiler().compile(schema, at: "")
    }

    /// The schema of property `name` when this is an object schema that declares it.
    func propertySchema(_ name: String) -> JSONSchema? {
        root.properties.first { $0.name == name }?.schema
    }

    /// Validates `value` (`nil` means absent, e.g. a request without a body).
    ///
    /// - Parameters:
    ///   - value: the parsed body or query object.
    ///   - coerceStrings: for query objects, whose values are all strings (or arrays of strings
    ///     for repeated keys): a string where the schema wants a number is converted like
    ///     JavaScript's `Number()` or the node's `x-coerce` rule (an empty or non-numeric string
    ///     gives `Expected number, received nan`), and "true"/"false" become booleans where the
    ///     schema wants a boolean.
    ///   - path: where `value` sits in the document the issues are reported for (a property
    ///     validated on its own, such as a path parameter, names itself).
    /// - Returns: the issues in zod's order and the value with conversions applied.
    func validate(_ value: JSONValue?, coerceStrings: Bool = false, at path: [PathComponent] = []) -> ValidationOutcome {
        var run = ValidationRun(coerceStrings: coerceStrings, path: path)
        let result = check(value, in: &run)
        return ValidationOutcome(value: result.replacement ?? value, issues: run.issues)
    }
}
