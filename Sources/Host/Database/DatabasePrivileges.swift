/// What the API server's connection may do, read once at start: it decides how API keys are looked
/// up, and what the operator is warned about (docs/security.md, "The database boundary").
struct DatabasePrivileges: Equatable {
    /// The role the connection acts as (`current_user`).
    let role: String
    let isSuperuser: Bool
    /// Whether the role owns Cal.com's tables, or may act as their owner.
    let ownsTables: Bool
    /// Whether the role may read `"ApiKey"."hashedKey"` itself (so may every plugin statement).
    let canReadKeyHashes: Bool
    let canCreateInSchema: Bool
    /// Whether the role may call the lookup function that `calapi db-role-sql` creates.
    let canCallLookup: Bool

    /// The start-up failure when the connection can reach API keys by neither path.
    struct NoKeyLookup: Error, CustomStringConvertible {
        let role: String
        var description: String {
            """
            the database role "\(role)" can neither read "ApiKey" nor call \(DatabaseRole.lookupFunction)(text), \
            so no API key can be checked; run the SQL printed by `calapi db-role-sql` as the owner of the tables \
            (docs/security.md, "The database boundary")
            """
        }
    }

    static let query = """
        SELECT current_user, r.rolsuper,
          COALESCE(pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('users')), 'MEMBER'), false),
          COALESCE(has_column_privilege(to_regclass('"ApiKey"'), 'hashedKey', 'SELECT'), false),
          COALESCE(has_schema_privilege(current_schema(), 'CREATE'), false),
          COALESCE(has_function_privilege(to_regprocedure('\(DatabaseRole.lookupFunction)(text)'), 'EXECUTE'), false)
        FROM pg_roles r WHERE r.rolname = current_user
        """

    /// Reads the privileges of the role `connection` logged in as.
    static func inspect(_ connection: PGConnection) throws -> DatabasePrivileges {
        let rows = try connection.query(query, [])
        return DatabasePrivileges(
            role: rows.string(0, 0) ?? "?", isSuperuser: rows.bool(0, 1) == true, ownsTables: rows.bool(0, 2) == true,
            canReadKeyHashes: rows.bool(0, 3) == true, canCreateInSchema: rows.bool(0, 4) == true,
            canCallLookup: rows.bool(0, 5) == true)
    }

    /// The direct lookup when the role can read key hashes anyway (existing deployments keep
    /// working as before), else the lookup function.
    func keyLookup() throws -> APIKeyAuthenticator.Lookup {
        if canReadKeyHashes { return .direct }
        if canCallLookup { return .function }
        throw NoKeyLookup(role: role)
    }

    /// One line for the log when PostgreSQL would not keep plugins' statements away from secrets.
    var warning: String? {
        var reasons: [String] = []
        if isSuperuser { reasons.append("is a superuser") }
        if ownsTables && !isSuperuser { reasons.append("owns Cal.com's tables (or may act as their owner)") }
        if canReadKeyHashes { reasons.append("can read \"ApiKey\".\"hashedKey\"") }
        if canCreateInSchema && !isSuperuser { reasons.append("may create objects in the schema") }
        guard !reasons.isEmpty else { return nil }
        return """
            the database role "\(role)" \(reasons.joined(separator: ", ")): PostgreSQL does not keep the plugins' \
            statements away from credentials, API keys and secrets; connect calapi serve as the restricted role \
            created by the SQL of `calapi db-role-sql` (docs/security.md, "The database boundary")
            """
    }
}
