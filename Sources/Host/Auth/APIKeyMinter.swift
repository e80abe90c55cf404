import Foundation

/// Mints API keys exactly as Cal.com's web app does: 16 random bytes in hex as the secret, its
/// SHA-256 hex stored in `"ApiKey"."hashedKey"`, the prefix shown to the user but never hashed.
enum APIKeyMinter {
    struct MintError: Error, CustomStringConvertible { let description: String }

    /// Inserts a key for `userId` and returns the full key (prefix + secret), shown once.
    static func mint(userId: Int64, expiresAt: String?, note: String?, prefix: String, connection: PGConnection) throws -> String {
        let exists = try connection.query("SELECT 1 FROM users WHERE id = $1::int", [.text(String(userId))])
        guard exists.count == 1 else { throw MintError(description: "no user with id \(userId)") }
        var generator = SystemRandomNumberGenerator()
        let secret = Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        _ = try connection.query("""
            INSERT INTO "ApiKey" (id, "userId", note, "expiresAt", "hashedKey", "createdAt")
            VALUES ($1, $2::int, $3, $4::timestamptz AT TIME ZONE 'UTC', $5, now() AT TIME ZONE 'UTC')
            """,
            [.text(UUID().uuidString.lowercased()), .text(String(userId)), note.map(PGParam.text) ?? .null,
             expiresAt.map(PGParam.text) ?? .null, .text(SHA256.hex(secret))])
        return prefix + secret
    }
}
