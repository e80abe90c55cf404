import XCTest
@testable import Host

/// `calapi migrate` on empty and calapi-owned databases (schema.md §3, §4, §7).
final class MigrationTests: MigrationTestCase {
    /// Column counts of schema.md §2, table by table.
    private let columnCounts = [
        "users": 45, "UserPassword": 2, "Team": 29, "Membership": 6, "Profile": 7, "OrganizationSettings": 11,
        "EventType": 64, "Host": 8, "_user_eventtype": 2, "HashedLink": 3, "EventTypeCustomInput": 7,
        "Schedule": 4, "Availability": 8, "SelectedCalendar": 13, "DestinationCalendar": 8, "Credential": 10,
        "App": 7, "SecondaryEmail": 4, "PlatformOAuthClient": 12, "DomainWideDelegation": 8,
        "WorkspacePlatform": 8, "Booking": 40, "Attendee": 8, "BookingSeat": 6, "BookingReference": 12,
        "Payment": 12, "ApiKey": 9, "Webhook": 15,
    ]

    func testEmptyDatabaseGetsEveryTableOfTheSpec() throws {
        XCTAssertEqual(try migrate(), MigrationReport(mode: .created))

        let tables = try db.column("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        XCTAssertEqual(Set(tables), Set(columnCounts.keys).union(["calapi_schema_migrations", "calapi_unverified_email", "calapi_rate_limit"]))
        let counts = try db.run("""
            SELECT table_name, count(*) FROM information_schema.columns
            WHERE table_schema = 'public' AND left(table_name, 7) <> 'calapi_' GROUP BY table_name
            """)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: counts.map { ($0[0]!, Int($0[1]!)!) }), columnCounts)

        // Every column's type, as a histogram over the whole schema.
        let types = try db.run("""
            SELECT CASE WHEN data_type IN ('USER-DEFINED', 'ARRAY') THEN udt_name
                        WHEN data_type LIKE 'timestamp%' THEN data_type || '(' || datetime_precision || ')'
                        ELSE data_type END, count(*)
            FROM information_schema.columns
            WHERE table_schema = 'public' AND left(table_name, 7) <> 'calapi_' GROUP BY 1
            """)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: types.map { ($0[0]!, Int($0[1]!)!) }), [
            "text": 126, "integer": 102, "boolean": 70, "timestamp without time zone(3)": 26, "jsonb": 22,
            "time without time zone": 2, "date": 1, "_text": 3, "_int4": 1, "_AppCategories": 1,
            "_WebhookTriggerEvents": 1, "BookingStatus": 1, "CreationSource": 2, "SMSLockState": 2,
            "EventTypeCustomInputType": 1, "IdentityProvider": 1, "MembershipRole": 1, "PaymentOption": 1,
            "PeriodType": 1, "SchedulingType": 1, "TimeUnit": 1, "UserPermissionRole": 1,
        ])

        // A sample of columns: type, nullability, default.
        let sample: [(String, String, String, String, String?)] = [
            ("users", "id", "integer", "NO", "nextval('users_id_seq'::regclass)"),
            ("users", "email", "text", "NO", nil),
            ("users", "avatarUrl", "text", "YES", nil),
            ("users", "timeZone", "text", "NO", "'Europe/London'::text"),
            ("users", "created", "timestamp without time zone", "NO", "CURRENT_TIMESTAMP"),
            ("users", "identityProvider", "USER-DEFINED", "NO", "'CAL'::\"IdentityProvider\""),
            ("users", "brandColor", "text", "YES", nil),
            ("users", "timeFormat", "integer", "YES", "12"),
            ("Team", "logoUrl", "text", "YES", nil),
            ("Membership", "role", "USER-DEFINED", "NO", nil),
            ("EventType", "id", "integer", "NO", "nextval('\"EventType_id_seq\"'::regclass)"),
            ("EventType", "periodType", "USER-DEFINED", "NO", "'unlimited'::\"PeriodType\""),
            ("EventType", "minimumBookingNotice", "integer", "NO", "120"),
            ("EventType", "instantMeetingParameters", "ARRAY", "YES", nil),
            ("Availability", "days", "ARRAY", "YES", nil),
            ("Availability", "startTime", "time without time zone", "NO", nil),
            ("Availability", "date", "date", "YES", nil),
            ("SelectedCalendar", "id", "text", "NO", nil),
            ("Booking", "status", "USER-DEFINED", "NO", "'accepted'::\"BookingStatus\""),
            ("Booking", "updatedAt", "timestamp without time zone", "YES", nil),
            ("Booking", "iCalUID", "text", "YES", "''::text"),
            ("Booking", "oneTimePassword", "text", "YES", nil),
            ("Attendee", "locale", "text", "YES", "'en'::text"),
            ("Payment", "data", "jsonb", "NO", nil),
            ("ApiKey", "id", "text", "NO", nil),
            ("App", "updatedAt", "timestamp without time zone", "NO", nil),
            ("Webhook", "eventTriggers", "ARRAY", "YES", nil),
        ]
        for (table, column, type, nullable, defaultValue) in sample {
            let row = try db.run("""
                SELECT data_type, is_nullable, column_default FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = '\(table)' AND column_name = '\(column)'
                """)
            XCTAssertEqual(row, [[type, nullable, defaultValue]], "\(table).\(column)")
        }
        let precisions = try db.column("""
            SELECT DISTINCT datetime_precision FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'
            """)
        XCTAssertEqual(precisions, ["3"])

        XCTAssertEqual(try db.run("SELECT version, description FROM calapi_schema_migrations"),
                       [["1", "create Cal.com's schema (S2 shape)"]])
        XCTAssertEqual(try advisoryLocks(), "0")
    }

    func testEnumsHoldTheirLabelsInOrder() throws {
        try migrate()
        let rows = try db.run("""
            SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
            FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname
            """)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rows.map { ($0[0]!, $0[1]!) }), [
            "BookingStatus": "cancelled,accepted,rejected,pending,awaiting_host",
            "SchedulingType": "roundRobin,collective,managed",
            "PeriodType": "unlimited,rolling,rolling_window,range",
            "EventTypeCustomInputType": "text,textLong,number,bool,radio,phone",
            "CreationSource": "api_v1,api_v2,webapp",
            "TimeUnit": "day,hour,minute",
            "IdentityProvider": "CAL,GOOGLE,SAML",
            "UserPermissionRole": "USER,ADMIN",
            "MembershipRole": "MEMBER,ADMIN,OWNER",
            "PaymentOption": "ON_BOOKING,HOLD",
            "SMSLockState": "LOCKED,UNLOCKED,REVIEW_NEEDED",
            "AppCategories": "calendar,messaging,other,payment,video,web3,automation,analytics,conferencing,crm",
            "WebhookTriggerEvents": "BOOKING_CREATED,BOOKING_PAYMENT_INITIATED,BOOKING_PAID,BOOKING_RESCHEDULED,"
                + "BOOKING_REQUESTED,BOOKING_CANCELLED,BOOKING_REJECTED,BOOKING_NO_SHOW_UPDATED,FORM_SUBMITTED,"
                + "MEETING_ENDED,MEETING_STARTED,RECORDING_READY,INSTANT_MEETING,RECORDING_TRANSCRIPTION_GENERATED,"
                + "OOO_CREATED,AFTER_HOSTS_CAL_VIDEO_NO_SHOW,AFTER_GUESTS_CAL_VIDEO_NO_SHOW,FORM_SUBMITTED_NO_EVENT",
        ])
    }

    func testKeysIndexesAndForeignKeysCarryPrismaNames() throws {
        try migrate()
        let foreignKeys = try db.run("""
            SELECT conname, confrelid::regclass::text, confdeltype, confupdtype FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """)
        XCTAssertEqual(foreignKeys.count, 63)
        XCTAssertEqual(Set(foreignKeys.map { $0[3] }), ["c"], "every foreign key is ON UPDATE CASCADE")
        let actions = Dictionary(uniqueKeysWithValues: foreignKeys.map { ($0[0]!, [$0[1]!, $0[2]!]) })
        let expected: [String: [String]] = [
            "users_organizationId_fkey": ["\"Team\"", "n"],
            "users_movedToProfileId_fkey": ["\"Profile\"", "n"],
            "UserPassword_userId_fkey": ["users", "c"],
            "Team_parentId_fkey": ["\"Team\"", "c"],
            "Team_createdByOAuthClientId_fkey": ["\"PlatformOAuthClient\"", "c"],
            "Membership_userId_fkey": ["users", "c"],
            "EventType_scheduleId_fkey": ["\"Schedule\"", "n"],
            "_user_eventtype_A_fkey": ["\"EventType\"", "c"],
            "_user_eventtype_B_fkey": ["users", "c"],
            "Booking_eventTypeId_fkey": ["\"EventType\"", "n"],
            "Booking_reassignById_fkey": ["users", "n"],
            "BookingReference_credentialId_fkey": ["\"Credential\"", "n"],
            "Payment_appId_fkey": ["\"App\"", "c"],
            "ApiKey_teamId_fkey": ["\"Team\"", "c"],
            "Webhook_platformOAuthClientId_fkey": ["\"PlatformOAuthClient\"", "c"],
        ]
        for (name, target) in expected {
            XCTAssertEqual(actions[name], target, name)
        }

        let indexes = try db.run("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
        let definitions = Dictionary(uniqueKeysWithValues: indexes.map { ($0[0]!, $0[1]!) })
        XCTAssertEqual(definitions.filter { !$0.key.hasSuffix("_pkey") && $0.key != "calapi_schema_migrations_pkey" }.count, 95)
        let expectedIndexes = [
            "users_email_key": "CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)",
            "users_username_organizationId_key":
                "CREATE UNIQUE INDEX \"users_username_organizationId_key\" ON public.users USING btree (username, \"organizationId\")",
            "Team_slug_parentId_key":
                "CREATE UNIQUE INDEX \"Team_slug_parentId_key\" ON public.\"Team\" USING btree (slug, \"parentId\")",
            "_user_eventtype_AB_unique":
                "CREATE UNIQUE INDEX \"_user_eventtype_AB_unique\" ON public._user_eventtype USING btree (\"A\", \"B\")",
            "Booking_startTime_endTime_status_idx":
                "CREATE INDEX \"Booking_startTime_endTime_status_idx\" ON public.\"Booking\" USING btree (\"startTime\", \"endTime\", status)",
            "ApiKey_id_key": "CREATE UNIQUE INDEX \"ApiKey_id_key\" ON public.\"ApiKey\" USING btree (id)",
            "Host_pkey": "CREATE UNIQUE INDEX \"Host_pkey\" ON public.\"Host\" USING btree (\"userId\", \"eventTypeId\")",
        ]
        for (name, definition) in expectedIndexes {
            XCTAssertEqual(definitions[name], definition, name)
        }

        let primaryKeys = try db.column("""
            SELECT conname FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace
              AND left(conrelid::regclass::text, 7) <> 'calapi_'
            """)
        XCTAssertEqual(primaryKeys.count, 26, "Cal.com's, calapi's own tables left out")
        XCTAssertFalse(primaryKeys.contains("UserPassword_pkey"))
        XCTAssertFalse(primaryKeys.contains("_user_eventtype_pkey"))
        XCTAssertTrue(primaryKeys.contains("users_pkey"))
        XCTAssertTrue(primaryKeys.contains("Booking_pkey"))
    }

    func testSecondRunChangesNothing() throws {
        try migrate()
        let before = try fingerprint()
        XCTAssertEqual(try migrate(), MigrationReport(mode: .upToDate))
        XCTAssertEqual(try fingerprint(), before)
        XCTAssertEqual(try db.value("SELECT count(*) FROM calapi_schema_migrations"), "1")
    }

    func testLaterStepsApplyOnceEach() throws {
        let second = MigrationStep(version: 2, description: "add a table", sql: "CREATE TABLE calapi_extra (id integer)")
        try migrate(steps: [Migration0001.step])
        XCTAssertEqual(try migrate(steps: [Migration0001.step, second]), MigrationReport(mode: .upgraded(from: 1, to: 2)))
        XCTAssertTrue(try tableExists("calapi_extra"))
        XCTAssertEqual(try migrate(steps: [Migration0001.step, second]), MigrationReport(mode: .upToDate))
        XCTAssertEqual(try db.column("SELECT version FROM calapi_schema_migrations ORDER BY version"), ["1", "2"])
    }

    func testFailedStepRollsBackAndReleasesTheLock() throws {
        try migrate()
        let broken = MigrationStep(version: 2, description: "broken", sql: """
            CREATE TABLE calapi_half (id integer);
            SELECT * FROM no_such_table;
            """)
        XCTAssertThrowsError(try migrate(steps: [Migration0001.step, broken]))
        XCTAssertFalse(try tableExists("calapi_half"))
        XCTAssertEqual(try db.value("SELECT max(version) FROM calapi_schema_migrations"), "1")
        XCTAssertEqual(try advisoryLocks(), "0")
    }

    func testNewerSchemaVersionIsRefused() throws {
        try migrate()
        try db.run("INSERT INTO calapi_schema_migrations (version, description) VALUES (9, 'from the future')")
        assertMigrationRefused(containing: "migrated by a newer calapi (schema version 9; this calapi knows up to 1)")
    }

    func testSchemaOnTheSearchPathIsUsed() throws {
        try db.run("CREATE SCHEMA calcom; SET search_path TO calcom")
        XCTAssertEqual(try migrate(), MigrationReport(mode: .created))
        XCTAssertEqual(try db.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'calcom'"), "31", "Cal.com's 28 tables and calapi's three")
        XCTAssertEqual(try db.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0")
        XCTAssertEqual(try migrate(), MigrationReport(mode: .upToDate))
    }

    func testMissingSchemaIsAClearError() throws {
        try db.run("SET search_path TO nowhere")
        assertMigrationRefused(containing: "none of the schemas on the connection's search_path exists")
    }

    func testSessionRunsInUTC() throws {
        try db.run("SET TimeZone = 'Asia/Tokyo'")
        try migrate()
        XCTAssertEqual(try db.value("SHOW TimeZone"), "UTC")
    }

    func testCatalogReadsEveryTableFromTheDDL() {
        XCTAssertEqual(SchemaCatalog.tables.count, 28)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: SchemaCatalog.tables.map { ($0.name, $0.columns.count) }), columnCounts)
        XCTAssertEqual(SchemaCatalog.columns(of: "UserPassword"), ["hash", "userId"])
        XCTAssertTrue(Set(SchemaCatalog.insertedTables).isSubset(of: Set(columnCounts.keys)))
    }
}
