/// Cal.com v1's API-key check (`verifyApiKey`): the key comes from the `apiKey` query parameter (or,
/// as a calapi addition, `Authorization: Bearer`), the first occurrence of the prefix is removed,
/// the rest is hashed with SHA-256 and looked up in `"ApiKey"."hashedKey"` (through the lookup
/// function when the connection is the restricted role, which cannot read that table). Expiry
/// compares exact instants, as Cal.com's newest code does: a key is refused from its `expiresAt` on
/// (UTC, the session's zone), and the key cache never keeps one past that instant.
struct APIKeyAuthenticator {
    enum Outcome {
        case authenticated(Principal)
        /// The exact status and body Cal.com answers.
        case refused(status: Int, body: String)
    }

    /// The key's row by its hash (`hash` is an SQL expression): its user, whether that user exists,
    /// is an admin and is locked, and the key's expiry. The body of the lookup function
    /// (`DatabaseRole.lookupFunction`), and of the direct lookup on connections that may read "ApiKey".
    static func keyRows(hash: String) -> String {
        """
        SELECT k."userId", u.id IS NOT NULL, u.role = 'ADMIN', COALESCE(u.locked, false), k."expiresAt"
        FROM "ApiKey" k LEFT JOIN users u ON u.id = k."userId"
        WHERE k."hashedKey" = \(hash)
        """
    }

    /// How a connection reaches "ApiKey": through the lookup function (the restricted role), or
    /// directly (a connection that may read the table itself; see `DatabasePrivileges`).
    enum Lookup {
        case function
        case direct

        /// One query: the columns of `keyRows`, the last one turned into "expired", then the seconds
        /// the key has left (NULL when it never expires).
        var sql: String {
            let source = switch self {
            case .function: "\(DatabaseRole.lookupFunction)($1) AS k"
            case .direct: "(\(APIKeyAuthenticator.keyRows(hash: "$1"))) AS k (\"userId\", \"userExists\", \"isAdmin\", locked, \"expiresAt\")"
            }
            return """
                SELECT k."userId", k."userExists", k."isAdmin", k.locked,
                       k."expiresAt" IS NOT NULL AND k."expiresAt" < LOCALTIMESTAMP,
                       EXTRACT(EPOCH FROM k."expiresAt" - LOCALTIMESTAMP)::float8
                FROM \(source)
                """
        }
    }

    let prefix: String
    /// The catalog's statement of the lookup in use (`ServedAPI.keyLookups`) and its text.
    let statementID: Int
    let sql: String

    /// The raw key a request carries, or nil when it carries none.
    static func presentedKey(queryPairs: [(key: String, value: String)], headers: HTTPHeaders) -> String? {
        let values = queryPairs.filter { $0.key == "apiKey" }.map(\.value)
        if !values.isEmpty {
            // Cal.com stringifies a repeated parameter as "a,b", which then fails the lookup.
            let joined = values.joined(separator: ",")
            return joined.isEmpty ? nil : joined
        }
        if let authorization = headers["authorization"], authorization.count > 7,
           authorization.prefix(7).lowercased() == "bearer " {
            let token = authorization.dropFirst(7).trimmingSpaces
            return token.isEmpty ? nil : String(token)
        }
        return nil
    }

    /// The SHA-256 hex of the key with the first occurrence of the prefix removed.
    func hashedKey(_ key: String) -> String {
        let keyBytes = Array(key.utf8), prefixBytes = Array(prefix.utf8)
        guard !prefixBytes.isEmpty, keyBytes.count >= prefixBytes.count else { return Hex.encode(SHA256.digest(keyBytes)) }
        for start in 0...(keyBytes.count - prefixBytes.count) where keyBytes[start..<start + prefixBytes.count].elementsEqual(prefixBytes) {
            return Hex.encode(SHA256.digest(keyBytes[..<start] + keyBytes[(start + prefixBytes.count)...]))
        }
        return Hex.encode(SHA256.digest(keyBytes))
    }

    /// Looks the key up (in the process's cache, else on the worker's connection). Throws DatabaseError when
    /// the database fails.
    func authenticate(key: String?, connection: PGConnection, cache: AuthCache) throws -> Outcome {
        guard let key else { return .refused(status: 401, body: #"{"message":"No apiKey provided"}"#) }
        let hash = hashedKey(key)
        if let principal = cache.principal(for: hash) { return .authenticated(principal) }
        let generation = cache.currentGeneration
        let rows = try connection.execute(statementID: statementID, sql: sql, params: [.text(hash)])
        guard rows.count > 0 else { return .refused(status: 401, body: #"{"error":"Your apiKey is not valid"}"#) }
        if rows.bool(0, 4) == true { return .refused(status: 401, body: #"{"error":"This apiKey is expired"}"#) }
        guard rows.bool(0, 1) == true, let userId = rows.int64(0, 0) else {
            return .refused(status: 404, body: #"{"error":"No user found for this apiKey"}"#)
        }
        if rows.bool(0, 3) == true {
            return .refused(status: 403, body: #"{"error":"You are not authorized to perform this request."}"#)
        }
        let principal = Principal(userId: userId, isAdmin: rows.bool(0, 2) == true)
        cache.remember(principal, for: hash, expiringIn: rows.string(0, 5).flatMap(Double.init), generation: generation)
        return .authenticated(principal)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
