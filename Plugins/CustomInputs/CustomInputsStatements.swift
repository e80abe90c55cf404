import PluginSDK

/// Every statement of the plugin. Inputs come back as JSON built by PostgreSQL with every column,
/// `type` in its API spelling (`TEXTLONG`, stored `textLong`).
enum CustomInputsSQL: StatementSet {
    case find, list, owned, eventTypeOwner, insert, update, delete

    /// The input of the row aliased `c` as compact JSON.
    static let inputJSON = #"""
        (SELECT row_to_json(p) FROM (SELECT c.id, c."eventTypeId", c.label, upper(c.type::text) AS type, c.options,
          c.required, c.placeholder) p)
        """#

    /// API spelling (`TEXTLONG`) to the stored label (`textLong`).
    static func storedType(_ expression: String) -> String {
        #"(CASE \#(expression) WHEN 'TEXTLONG' THEN 'textLong' ELSE lower(\#(expression)) END)::"EventTypeCustomInputType""#
    }

    /// The input aliased `c` is on a personal event type of user `$n` (or `$n` is NULL: an admin).
    private static func visible(to parameter: String) -> String {
        #"(\#(parameter)::int IS NULL OR c."eventTypeId" IN (SELECT e.id FROM "EventType" e WHERE e."userId" = \#(parameter)::int))"#
    }

    var statement: Statement {
        switch self {
        // $1 id, $2 the only event-type owner allowed (NULL for admins).
        case .find:
            return .read(#"SELECT \#(Self.inputJSON) FROM "EventTypeCustomInput" c WHERE c.id = $1::int AND \#(Self.visible(to: "$2"))"#)

        // One page ($2 LIMIT, $3 OFFSET) of the inputs of owner $1's event types, or of every input
        // when $1 is NULL (admins).
        case .list:
            return .read(SQLFragments.jsonPage(
                Self.inputJSON, table: #""EventTypeCustomInput""#, alias: "c", from: #"""
                    "EventTypeCustomInput" c
                    WHERE \#(Self.visible(to: "$1"))
                    """#, orderBy: "c.id", limit: "$2", offset: "$3"))

        // One row when input $1 is on a personal event type of user $2.
        case .owned:
            return .read(#"""
                SELECT 1 FROM "EventTypeCustomInput" c JOIN "EventType" e ON e.id = c."eventTypeId" WHERE c.id = $1::int AND e."userId" = $2::int
                """#)

        case .eventTypeOwner:
            return .read(#"SELECT "userId" FROM "EventType" WHERE id = $1::int"#)

        case .insert:
            return .write(#"""
                INSERT INTO "EventTypeCustomInput" AS c ("eventTypeId", label, type, required, placeholder, options)
                SELECT (b->>'eventTypeId')::int, b->>'label', \#(Self.storedType("b->>'type'")), (b->>'required')::boolean,
                  b->>'placeholder', NULLIF(b->'options', 'null'::jsonb)
                FROM (SELECT $1::jsonb AS b) AS input
                RETURNING \#(Self.inputJSON)
                """#)

        // $1 id, $2 body, $3 the only event-type owner allowed (NULL for admins).
        case .update:
            return .write(#"""
                UPDATE "EventTypeCustomInput" AS c SET
                  "eventTypeId" = COALESCE((b->>'eventTypeId')::int, c."eventTypeId"),
                  label = COALESCE(b->>'label', c.label),
                  type = CASE WHEN b ? 'type' THEN \#(Self.storedType("b->>'type'")) ELSE c.type END,
                  required = COALESCE((b->>'required')::boolean, c.required),
                  placeholder = COALESCE(b->>'placeholder', c.placeholder),
                  options = CASE WHEN b ? 'options' THEN NULLIF(b->'options', 'null'::jsonb) ELSE c.options END
                FROM (SELECT $2::jsonb AS b) AS input
                WHERE c.id = $1::int AND \#(Self.visible(to: "$3"))
                RETURNING \#(Self.inputJSON)
                """#)

        // $1 id, $2 the only event-type owner allowed (NULL for admins).
        case .delete:
            return .write(#"DELETE FROM "EventTypeCustomInput" c WHERE c.id = $1::int AND \#(Self.visible(to: "$2"))"#)
        }
    }
}
