/// The PostgreSQL role calapi's API server logs in as, so that PostgreSQL itself keeps the plugins'
/// statements away from secrets (docs/security.md, "The database boundary").
///
/// The role may read and write the tables the plugins serve (`grants`; hidden columns excepted), use
/// their sequences, read calapi's bookkeeping table and call the key lookup function; nothing else.
/// It is no superuser, owns nothing, is a member of no role and cannot create in the schema, so it
/// cannot become anything more either. Its SQL (`script`) is printed by `calapi db-role-sql` for an
/// operator to run on an existing Cal.com database, and run by calapi on its private database.
struct DatabaseRole {
    /// The role's name unless the operator picks another (`--role`).
    static let defaultName = "calapi_api"
    /// The SECURITY DEFINER function through which the role looks API keys up (it cannot read "ApiKey").
    static let lookupFunction = "calapi_api_key_lookup"

    /// What the role may do on one table.
    struct TableGrant {
        let table: String
        /// Privileges on the whole table, present and future columns included.
        let wholeTable: [String]
        /// Privileges granted column by column on every column but the hidden ones
        /// (`SensitiveData.hiddenColumns`); a re-run of the script extends them to new columns.
        let visibleColumns: [String]
    }

    private static let readWrite = ["SELECT", "INSERT", "UPDATE", "DELETE"]

    /// Exactly what the plugins' statements need, table by table.
    static let grants: [TableGrant] = [
        TableGrant(table: "users", wholeTable: ["DELETE"], visibleColumns: ["SELECT", "INSERT", "UPDATE"]),
        TableGrant(table: "Team", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "Membership", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "EventType", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "Host", wholeTable: ["SELECT", "INSERT", "DELETE"], visibleColumns: []),
        TableGrant(table: "_user_eventtype", wholeTable: ["SELECT", "INSERT"], visibleColumns: []),
        TableGrant(table: "HashedLink", wholeTable: ["SELECT"], visibleColumns: []),
        TableGrant(table: "EventTypeCustomInput", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "Schedule", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "Availability", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "SelectedCalendar", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "DestinationCalendar", wholeTable: readWrite, visibleColumns: []),
        // A booking's one-time password is written at creation, never read back.
        TableGrant(table: "Booking", wholeTable: ["INSERT"], visibleColumns: ["SELECT", "UPDATE"]),
        TableGrant(table: "Attendee", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "BookingReference", wholeTable: readWrite, visibleColumns: []),
        TableGrant(table: "Payment", wholeTable: [], visibleColumns: ["SELECT"]),
        // calapi's own record of emails changed through the API and not verified since (attendee access).
        TableGrant(table: Migrator.unverifiedEmailTable, wholeTable: readWrite, visibleColumns: []),
        // calapi's shared rate-limit counts (`rate_limit.shared`), written by the host, never by plugins.
        TableGrant(table: Migrator.rateLimitTable, wholeTable: readWrite, visibleColumns: []),
    ]

    /// Why a role name is refused.
    struct InvalidName: Error, CustomStringConvertible {
        let description: String
    }

    /// The role's name: lower-case letters, digits and underscores.
    let name: String
    /// The schema holding Cal.com's tables (`?schema=` of the database URL, else `public`).
    let schema: String

    init(name: String = DatabaseRole.defaultName, schema: String?) throws {
        let valid = name.utf8.count <= 63 && name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil
        guard valid else {
            throw InvalidName(description: "a role name is 1 to 63 lower-case letters, digits and underscores, not starting with a digit")
        }
        guard !name.hasPrefix("pg_") else { throw InvalidName(description: "role names starting with pg_ are PostgreSQL's") }
        self.name = name
        self.schema = schema ?? "public"
    }
}

extension DatabaseRole {
    /// Runs `script` on a connection of the tables' owner (calapi's private database, the test
    /// harness), then sets the role's password. Serialized with migrations by their advisory lock.
    func install(on connection: PGConnection, password: String) throws {
        _ = try connection.simpleQuery("SELECT pg_advisory_lock(\(Migrator.advisoryLockKey))")
        defer { _ = try? connection.simpleQuery("SELECT pg_advisory_unlock(\(Migrator.advisoryLockKey))") }
        do {
            _ = try connection.simpleQuery(script)
        } catch {
            _ = try? connection.simpleQuery("ROLLBACK")
            throw error
        }
        _ = try connection.simpleQuery("ALTER ROLE \(Self.identifier(name)) PASSWORD \(Self.literal(password))")
    }
}
