/// Cal.com v1's API-key check (`verifyApiKey`): the key comes from the `apiKey` query parameter (or,
/// as a calapi addition, `Authorization: Bearer`), the first occurrence of the prefix is removed,
/// the rest is hashed with SHA-256 and looked up in `"ApiKey"."hashedKey"`. Expiry compares exact
/// instants, as Cal.com's newest code does: a key is refused from its `expiresAt` on (UTC, the
/// session's zone), and the key cache never keeps one past that instant.
struct APIKeyAuthenticator {
    enum Outcome {
        case authenticated(Principal)
        /// The exact status and body Cal.com answers.
        case refused(status: Int, body: String)
    }

    /// One query: the key, its user, the user's role and lock, whether the key expired, and the
    /// seconds it has left (NULL when it never expires).
    static let sql = """
        SELECT k."userId", u.id IS NOT NULL, u.role = 'ADMIN', COALESCE(u.locked, false),
               k."expiresAt" IS NOT NULL AND k."expiresAt" < LOCALTIMESTAMP,
               EXTRACT(EPOCH FROM k."expiresAt" - LOCALTIMESTAMP)::float8
        FROM "ApiKey" k LEFT JOIN users u ON u.id = k."userId"
        WHERE k."hashedKey" = $1
        """

    let prefix: String
    let statementID: Int

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

    /// Looks the key up (in the worker's cache, else on its connection). Throws DatabaseError when
    /// the database fails.
    func authenticate(key: String?, connection: PGConnection, cache: AuthCache) throws -> Outcome {
        guard let key else { return .refused(status: 401, body: #"{"message":"No apiKey provided"}"#) }
        let hash = hashedKey(key)
        if let principal = cache.principal(for: hash) { return .authenticated(principal) }
        let rows = try connection.execute(statementID: statementID, sql: APIKeyAuthenticator.sql, params: [.text(hash)])
        guard rows.count > 0 else { return .refused(status: 401, body: #"{"error":"Your apiKey is not valid"}"#) }
        if rows.bool(0, 4) == true { return .refused(status: 401, body: #"{"error":"This apiKey is expired"}"#) }
        guard rows.bool(0, 1) == true, let userId = rows.int64(0, 0) else {
            return .refused(status: 404, body: #"{"error":"No user found for this apiKey"}"#)
        }
        if rows.bool(0, 3) == true {
            return .refused(status: 403, body: #"{"error":"You are not authorized to perform this request."}"#)
        }
        let principal = Principal(userId: userId, isAdmin: rows.bool(0, 2) == true)
        cache.remember(principal, for: hash, expiringIn: rows.string(0, 5).flatMap(Double.init))
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
