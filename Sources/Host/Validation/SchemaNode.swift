/// The keywords of one compiled schema object.
///
/// A value type filled in by `SchemaCompiler` and then frozen inside a `JSONSchema` (whose
/// `root` is a constant), so validation reads plain constants: no exclusivity checks, no locks,
/// safe on many threads at once. Subschemas are `JSONSchema`s themselves, which also gives the
/// recursion its indirection.
struct SchemaNode {
    /// Allowed JSON types; nil when the schema has no `type`.
    var types: SchemaTypes?
    /// zod's names of the allowed types, in schema order, for type errors: "integer" is named
    /// "number", and "null" is left out unless it is the only type.
    var expectedTypeNames: [String] = []
    /// Whether JSON null passes (`nullable`, "null" in `type`, null in `enum`, `const: null`).
    var acceptsNull = false
    /// `enum`, validated like zod's `nativeEnum`.
    var enumeration: SchemaEnumeration?
    /// `const`, validated like zod's `literal`.
    var constant: JSONValue?
    /// `properties` in schema order, followed by `required` names that have no property schema.
    var properties: [SchemaProperty] = []
    /// The names in `properties`, for the unknown-key check.
    var propertyNames: Set<String> = []
    /// `additionalProperties`.
    var additionalProperties: AdditionalProperties = .allowed
    var minimum: Double?
    var exclusiveMinimum: Double?
    var maximum: Double?
    var exclusiveMaximum: Double?
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var format: StringFormat?
    var items: JSONSchema?
    var minItems: Int?
    var maxItems: Int?
    /// `anyOf` / `oneOf` alternatives (both mean "the first that matches").
    var alternatives: [JSONSchema] = []
    /// `x-message`: replaces the message of every issue raised inside this node.
    var customMessage: String?
    /// `x-coerce`: how a query string becomes the number this node wants.
    var numberRule = QueryNumberRule.number
}

/// A set of JSON Schema type names.
struct SchemaTypes: OptionSet {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1 << 0)
    static let boolean = SchemaTypes(rawValue: 1 << 1)
    static let integer = SchemaTypes(rawValue: 1 << 2)
    static let number = SchemaTypes(rawValue: 1 << 3)
    static let string = SchemaTypes(rawValue: 1 << 4)
    static let array = SchemaTypes(rawValue: 1 << 5)
    static let object = SchemaTypes(rawValue: 1 << 6)

    /// The type named by a JSON Schema `type` string, if any.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }
}

/// One entry of `properties`.
struct SchemaProperty {
    var name: String
    var schema: JSONSchema
    var isRequired: Bool
}

/// What an object does with keys that `properties` does not list.
enum AdditionalProperties {
    /// Kept as they are (`true` or absent).
    case allowed
    /// Refused with one `unrecognized_keys` issue (`false`, zod's `.strict()`).
    case forbidden
    /// Each value validated against the schema (zod's `.catchall()`).
    case schema(JSONSchema)
}

/// The values of an `enum` keyword and the text zod prints for them.
struct SchemaEnumeration {
    /// Allowed strings and numbers (null is handled by `acceptsNull`).
    var values: [JSONValue]
    /// zod's `joinValues`: strings in single quotes, numbers bare, joined by " | ".
    var expectedText: String
}
