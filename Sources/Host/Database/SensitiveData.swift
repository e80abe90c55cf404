/// What calapi never exposes, whatever the config and the plugins: credentials, keys, secrets,
/// tokens and sessions. Two guards use these lists: the lexical statement check refuses statements
/// that name the tables, and the restricted role (`DatabaseRole`) gets no privilege on them and no
/// SELECT on the hidden columns, so PostgreSQL refuses what slips past the check.
enum SensitiveData {
    /// Tables no plugin statement may read or write (quoted spelling, as Cal.com's schema has them).
    /// Tables of a Cal.com database that are missing here are unreadable too, as the role is only
    /// granted the tables of `DatabaseRole.grants`; these are the ones the role SQL double-checks.
    static let tables = [
        "ApiKey", "Credential", "Webhook", "UserPassword", "ResetPasswordRequest", "VerificationToken",
        "ReminderMail", "Account", "Session", "Impersonations", "RateLimit", "AccessToken", "RefreshToken",
        "PlatformOAuthClient", "App", "DomainWideDelegation", "DelegationCredential", "WorkspacePlatform",
    ]

    /// Columns hidden inside tables the API serves: two-factor secrets, backup codes, the S1-era
    /// password hash and the identity provider's subject id of users; a booking's one-time password
    /// (written when a booking is created, never read back); a payment provider's payload.
    static let hiddenColumns: [String: [String]] = [
        "users": ["twoFactorSecret", "backupCodes", "password", "identityProviderId"],
        "Booking": ["oneTimePassword"],
        "Payment": ["data"],
    ]
}
