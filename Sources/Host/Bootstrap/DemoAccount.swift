/// The demo admin a fresh private database gets, so a newcomer can call the API at once.
enum DemoAccount {
    /// Creates the admin user and a key when the database has no users yet; returns the key, or
    /// nil when users already exist (the key was shown on an earlier start and is stored hashed).
    static func ensure(connection: PGConnection, prefix: String) throws -> (userId: Int64, key: String)? {
        _ = try connection.simpleQuery("BEGIN")
        do {
            _ = try connection.simpleQuery("LOCK TABLE users IN EXCLUSIVE MODE")
            guard try connection.query("SELECT 1 FROM users LIMIT 1", []).count == 0 else {
                _ = try connection.simpleQuery("ROLLBACK")
                return nil
            }
            let rows = try connection.query("""
                INSERT INTO users (username, name, email, role, "emailVerified", "completedOnboarding", "creationSource")
                VALUES ('admin', 'Demo Admin', 'admin@example.com', 'ADMIN', now() AT TIME ZONE 'UTC', true, 'api_v1')
                RETURNING id
                """, [])
            guard let userId = rows.int64(0, 0) else { throw APIKeyMinter.MintError(description: "could not create the demo user") }
            let key = try APIKeyMinter.mint(userId: userId, expiresAt: nil, note: "calapi demo key", prefix: prefix, connection: connection)
            _ = try connection.simpleQuery("COMMIT")
            return (userId, key)
        } catch {
            _ = try? connection.simpleQuery("ROLLBACK")
            throw error
        }
    }
}
