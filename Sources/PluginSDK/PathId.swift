/// How a route reads the id its path names: the one rule both its access check and its handler
/// see, applied once by the host (`x-coerce`) before any plugin code runs. The rule also writes
/// the id's property of the route's query schema, so the check and the docs cannot disagree.
public struct PathId {
    /// The path parameter, e.g. `id` in `/notes/{id}`.
    public let name: String
    /// Its JSON Schema property.
    let property: String

    /// An integer read like zod's `z.coerce.number()` (JavaScript's `Number()`); a value that is no
    /// integer, or too large for a key, reaches the handler as a missing id (`request.id` is nil):
    /// a valid request for a row that does not exist, so the document states no range.
    public static func number(_ name: String = "id") -> PathId { PathId(name: name, property: #"{"type":"integer"}"#) }
    /// An integer read like JavaScript's `parseInt` (`12abc` is 12), as Cal.com's `stringOrNumber`.
    public static func parseInt(_ name: String = "id") -> PathId {
        PathId(name: name, property: #"{"type":"integer","x-coerce":"parseInt"}"#)
    }
    /// Decimal digits only (Cal.com's `schemaQueryTeamId`); the document says so with `minimum: 0`.
    public static func digits(_ name: String = "id") -> PathId {
        PathId(name: name, property: #"{"type":"integer","x-coerce":"digits"}"#)
    }
    /// `Number()` within PostgreSQL's `integer`: anything else is a 400 from validation, so the
    /// handler always has an id.
    public static func integerColumn(_ name: String = "id") -> PathId {
        PathId(name: name, property: SchemaFragments.integerColumn)
    }
    /// Text the plugin parses itself (compound ids such as `{userId}_{teamId}`): `request.id` is
    /// nil, read it with `request.query[name].string`. `pattern` (ECMAScript) is the shape the
    /// handler accepts, stated in the document only (the handler answers a wrong one with its own
    /// message).
    public static func text(_ name: String = "id", pattern: String? = nil, description: String? = nil) -> PathId {
        var members = [#""type":"string""#]
        if let description { members.append(#""description":\#(SchemaFragments.quoted(description))"#) }
        if let pattern { members.append(#""x-document":{"pattern":\#(SchemaFragments.quoted(pattern))}"#) }
        return PathId(name: name, property: "{" + members.joined(separator: ",") + "}")
    }
}

/// The query parameters of a route besides its path id, as JSON Schema properties.
public struct QuerySchema {
    let fragments: [String]
    let required: [String]
    let strict: Bool

    /// No query parameters are read (and none is refused).
    public static let none = QuerySchema(fragments: [], required: [], strict: false)
    /// No query parameter besides the path id: any other one is a 400.
    public static let strict = QuerySchema(fragments: [], required: [], strict: true)
    /// Cal.com's `take` and `page`.
    public static let pagination = properties(SchemaFragments.pagination)

    /// `fragment` is the inside of a `"properties"` object (`"slug":{"type":"string"}, …`).
    public static func properties(_ fragment: String, required: [String] = [], strict: Bool = false) -> QuerySchema {
        QuerySchema(fragments: [fragment], required: required, strict: strict)
    }

    func merged(_ other: QuerySchema) -> QuerySchema {
        QuerySchema(fragments: fragments + other.fragments, required: required + other.required, strict: strict || other.strict)
    }

    /// The route's query schema: the id's property first, then the others; empty for no checks.
    func document(id: PathId?) -> String {
        let properties = (id.map { [#""\#($0.name)":\#($0.property)"#] } ?? []) + fragments
        guard !properties.isEmpty || strict else { return "" }
        let required = self.required.isEmpty ? "" : #","required":[\#(self.required.map { #""\#($0)""# }.joined(separator: ","))]"#
        return #"{"type":"object"\#(strict ? #","additionalProperties":false"# : "")\#(required),"properties":{\#(properties.joined(separator: ","))}}"#
    }
}
