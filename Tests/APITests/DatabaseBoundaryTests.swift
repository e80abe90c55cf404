import Foundation
import XCTest
@testable import Host

/// PostgreSQL as the boundary between plugins and secrets: the restricted role calapi serves as
/// (`DatabaseRole`), its SQL, and what `serve` says about the role it is given.
final class DatabaseBoundaryTests: APITestCase {
    /// Secrets seeded by `seedSecrets`, none of which may ever reach a response.
    private let secrets = ["TOTP-SECRET-4242", "BACKUP-CODES-4242", "$2b$10$PASSWORD-HASH-4242", "ONE-TIME-PASSWORD-4242", "PROVIDER-DATA-4242"]

    /// A user with a two-factor secret, backup codes and a password hash, a booking with a one-time
    /// password, and a payment with its provider's payload; returns the user and the hash of the
    /// user's API key.
    private func seedSecrets() throws -> (account: Account, keyHash: String) {
        let account = try seedUser("target")
        _ = try db.query(#"UPDATE users SET "twoFactorSecret" = $1, "backupCodes" = $2 WHERE id = $3::int"#,
                         [.text(secrets[0]), .text(secrets[1]), .text(String(account.id))])
        _ = try db.query(#"INSERT INTO "UserPassword" (hash, "userId") VALUES ($1, $2::int)"#, [.text(secrets[2]), .text(String(account.id))])
        _ = try db.query("""
            INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime", "oneTimePassword")
            VALUES ('b-1', $1::int, 'Secret meeting', now(), now() + interval '1 hour', $2)
            """, [.text(String(account.id)), .text(secrets[3])])
        _ = try db.query("""
            INSERT INTO "Payment" (uid, "bookingId", amount, fee, currency, success, refunded, data, "externalId")
            SELECT 'p-1', id, 1500, 0, 'usd', true, false, jsonb_build_object('secret', $1::text), 'ext-1' FROM "Booking" WHERE uid = 'b-1'
            """, [.text(secrets[4])])
        let hash = try XCTUnwrap(try value(#"SELECT "hashedKey" FROM "ApiKey" WHERE "userId" = $1::int"#, [.text(String(account.id))]))
        return (account, hash)
    }

    /// A plain-C plugin whose statements pass the lexical check yet reach for secrets: through an
    /// extension's function that runs SQL text (tablefunc's `crosstab`, unknown to the check) and
    /// through whole-row references. Each route answers `{"leak": <first value>}` when its statement runs.
    static let spy = #"""
        #include "calapi_plugin.h"
        static const calapi_host_v1 *host;
        static calapi_stmt_id ids[5];
        static int32_t leak(calapi_req *req, void *data) {
            calapi_rows *rows;
            if (host->db_exec(req, *(calapi_stmt_id *)data, 0, 0, &rows) != CALAPI_DB_OK) return CALAPI_FAIL;
            host->json_begin_object(req);
            host->json_key(req, CALAPI_LIT("leak"));
            host->json_write_string(req, host->rows_text(rows, 0, 0));
            host->json_end_object(req);
            return CALAPI_OK;
        }
        #define SPY(i, NAME, SQL) { \
            calapi_statement_v1 s = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT(NAME), CALAPI_LIT(SQL) }; \
            if (reg->add_statement(reg, &s, &ids[i]) != CALAPI_OK) return CALAPI_FAIL; \
            calapi_route_v1 r = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("spy"), CALAPI_LIT("/spy/" NAME), \
                                  leak, &ids[i], {0, 0}, {0, 0}, CALAPI_LIT("{\"summary\":\"Spy\"}"), 0 }; \
            if (reg->add_route(reg, &r) != CALAPI_OK) return CALAPI_FAIL; }
        CALAPI_PLUGIN_MAGIC("spy", "0.1.0")
        CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
            host = h;
            reg->declare_resource(reg, CALAPI_LIT("spy"), CALAPI_METHODS_READ);
            SPY(0, "keys", "SELECT v FROM crosstab('SELECT ''k''::text, ''c''::text, \"hashedKey\" FROM \"ApiKey\"') AS ct(k text, v text)")
            SPY(1, "passwords", "SELECT v FROM crosstab('SELECT ''k''::text, ''c''::text, hash FROM \"UserPassword\"') AS ct(k text, v text)")
            SPY(2, "users", "SELECT string_agg(row_to_json(u)::text, ',') FROM users u")
            SPY(3, "bookings", "SELECT string_agg(row_to_json(b)::text, ',') FROM \"Booking\" b")
            SPY(4, "payments", "SELECT string_agg(p::text, ',') FROM \"Payment\" p")
            return CALAPI_OK;
        }
        """#

    func testStatementsPastTheLexicalCheckAreRefusedByPostgreSQL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-spy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CalapiServer.binaryDirectory + "/libUsers.so", toPath: folder.appendingPathComponent("libUsers.so").path)
        try CPluginBuilder.build("Spy", DatabaseBoundaryTests.spy, in: folder)
        _ = try db.simpleQuery("CREATE EXTENSION IF NOT EXISTS tablefunc")
        let (account, keyHash) = try seedSecrets()
        let spied = try CalapiServer(databaseURL: server.databaseURL, config: "plugins:\n  load: [Users, Spy]\nresources:\n  spy: [GET]\n  me: [GET]\n",
                                     environment: ["CALAPI_PLUGIN_DIR": folder.path])
        defer { spied.stop() }

        for route in ["keys", "passwords", "users", "bookings", "payments"] {
            let response = try spied.request("GET", "/v1/spy/\(route)?apiKey=\(account.key)")
            XCTAssertEqual(response.status, 500, "\(route): \(response.text)")
            XCTAssertEqual(response.text, #"{"message":"Something went wrong"}"#, route)
            for secret in secrets + [keyHash] {
                XCTAssertFalse(response.text.contains(secret), "\(route) leaked \(secret)")
            }
            XCTAssertEqual(try spied.request("GET", "/v1/me?apiKey=\(account.key)").status, 200, "still serving after \(route)")
        }
        let log = try spied.logText()
        XCTAssertTrue(log.contains(#"statement "keys" of plugin "spy" failed: permission denied for table ApiKey"#), log)
        XCTAssertTrue(log.contains(#"statement "users" of plugin "spy" failed: permission denied for table users"#), log)
    }

    func testTheRestrictedRoleCannotReadSecretsNorBecomeMore() throws {
        let (_, keyHash) = try seedSecrets()
        let role = PGConnection(url: try TestDatabase.restrictedURL(server.databaseURL))
        try role.connect()
        defer { role.close() }
        func refused(_ sql: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try role.query(sql, []), sql, file: file, line: line) { error in
                XCTAssertEqual((error as? DatabaseError)?.sqlState, "42501", "\(sql): \(error)", file: file, line: line)
            }
        }
        for table in ["ApiKey", "Credential", "Webhook", "UserPassword", "App", "PlatformOAuthClient", "DomainWideDelegation", "WorkspacePlatform"] {
            let readable = try role.query("SELECT has_any_column_privilege(to_regclass($1), 'SELECT')", [.text("\"\(table)\"")])
            XCTAssertEqual(readable.bool(0, 0), false, table)
            refused("SELECT count(*) FROM \"\(table)\"")
        }
        for (table, column) in [("users", "twoFactorSecret"), ("users", "backupCodes"), ("users", "identityProviderId"),
                                ("Booking", "oneTimePassword"), ("Payment", "data")] {
            let readable = try role.query("SELECT has_column_privilege(to_regclass($1), $2, 'SELECT')", [.text("\"\(table)\""), .text(column)])
            XCTAssertEqual(readable.bool(0, 0), false, "\(table).\(column)")
            refused("SELECT \"\(column)\" FROM \"\(table)\"")
        }
        refused("SELECT row_to_json(u) FROM users u")
        refused("UPDATE \"Booking\" SET \"oneTimePassword\" = 'x'")
        refused("CREATE TABLE stolen (a int)")
        refused(#"SELECT setval('"Booking_id_seq"', 1)"#)
        XCTAssertThrowsError(try role.simpleQuery("SET ROLE calapi"), "the role cannot become the owner")

        let attributes = try role.query("""
            SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls,
                   EXISTS (SELECT FROM pg_auth_members WHERE member = r.oid),
                   EXISTS (SELECT FROM pg_class WHERE relowner = r.oid),
                   has_schema_privilege(current_schema(), 'CREATE')
            FROM pg_roles r WHERE rolname = current_user
            """, [])
        XCTAssertEqual((0..<4).map { attributes.bool(0, $0) }, [false, false, false, false], "privileged, member, owner, may create")

        let privileges = try DatabasePrivileges.inspect(role)
        XCTAssertNil(privileges.warning)
        XCTAssertEqual(try privileges.keyLookup(), .function)
        let found = try role.query("SELECT \"userId\", \"userExists\", \"isAdmin\", locked FROM calapi_api_key_lookup($1)", [.text(keyHash)])
        XCTAssertEqual(found.count, 1, "the lookup function answers for a hash, and only that")
        XCTAssertEqual(try role.query("SELECT 1 FROM calapi_api_key_lookup('')", []).count, 0)
    }

    func testTheRoleSQLRunsTwiceAndReachesColumnsAddedLater() throws {
        let printed = try runCalapi(["db-role-sql", "--role", "calapi_again"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains("CREATE OR REPLACE FUNCTION \"public\".\"calapi_api_key_lookup\"(key_hash text)"))
        _ = try db.simpleQuery(printed.stdout)
        _ = try db.simpleQuery(printed.stdout)

        _ = try db.simpleQuery(#"ALTER TABLE users ADD COLUMN "addedLater" text"#)
        let sql = #"SELECT has_column_privilege('calapi_again', 'users', 'addedLater', 'SELECT'), has_column_privilege('calapi_again', 'users', 'twoFactorSecret', 'SELECT'), has_table_privilege('calapi_again', '"Team"', 'SELECT')"#
        XCTAssertEqual(try value(sql), "f", "a new column waits for the next run")
        _ = try db.simpleQuery(printed.stdout)
        let after = try db.query(sql, [])
        XCTAssertEqual((0..<3).map { after.bool(0, $0) }, [true, false, true])

        _ = try db.simpleQuery("GRANT calapi TO calapi_again")
        XCTAssertThrowsError(try db.simpleQuery(printed.stdout)) { error in
            XCTAssertTrue("\(error)".contains("role calapi_again is a member of calapi, whose privileges it could use"), "\(error)")
        }
        _ = try db.simpleQuery("ROLLBACK")
        _ = try db.simpleQuery("REVOKE calapi FROM calapi_again")

        let bad = try runCalapi(["db-role-sql", "--role", "Robert'); DROP"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--role: a role name is 1 to 63 lower-case letters"), bad.stderr)
    }

    func testServeWarnsWhenItsRoleCouldReadSecretsAndStillServes() throws {
        let restrictedLog = try server.logText()
        XCTAssertTrue(restrictedLog.contains(#"serving as role "calapi_api", API keys looked up through calapi_api_key_lookup"#), restrictedLog)
        XCTAssertFalse(restrictedLog.contains("does not keep the plugins"), restrictedLog)

        let alice = try seedUser("alice")
        let owner = try CalapiServer(databaseURL: server.databaseURL, role: .owner)
        defer { owner.stop() }
        let log = try owner.logText()
        XCTAssertTrue(log.contains(#"warning: the database role "calapi" is a superuser, can read "ApiKey"."hashedKey": PostgreSQL does not keep the plugins' statements away"#), log)
        XCTAssertTrue(log.contains("API keys looked up directly"), log)
        XCTAssertEqual(try owner.request("GET", "/v1/me?apiKey=\(alice.key)").status, 200)
    }

    func testServeRefusesARoleThatCanReachNoKey() throws {
        _ = try db.simpleQuery("DROP FUNCTION calapi_api_key_lookup(text)")
        XCTAssertThrowsError(try CalapiServer(databaseURL: server.databaseURL)) { error in
            XCTAssertTrue("\(error)".contains(#"the database role "calapi_api" can neither read "ApiKey" nor call calapi_api_key_lookup(text)"#), "\(error)")
        }
    }
}
