extension DatabaseRole {
    /// The SQL that creates the role (without a password), replaces its privileges by `grants`,
    /// (re)creates the key lookup function and then checks that the role can read none of
    /// `SensitiveData`. One transaction; runs again without error (after Cal.com's migrations
    /// added columns, a re-run extends the column grants to them). Run by the owner of the tables
    /// or a superuser; creating the role needs CREATEROLE.
    var script: String {
        """
        -- calapi: the restricted role its API server connects as (docs/security.md, "The database boundary").
        -- Run as the owner of Cal.com's tables (or a superuser), e.g. psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f role.sql;
        -- run it again after Cal.com's migrations. It sets no password: ALTER ROLE \(quotedName) PASSWORD '…'.
        BEGIN;
        SET LOCAL calapi.role = \(Self.literal(name));
        SET LOCAL calapi.schema = \(Self.literal(schema));

        DO $calapi$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_setting('calapi.role')) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', current_setting('calapi.role'));
          END IF;
        END
        $calapi$;

        -- Start from nothing, so that a re-run also withdraws what an older calapi granted.
        REVOKE ALL ON ALL TABLES IN SCHEMA \(quotedSchema) FROM \(quotedName);
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA \(quotedSchema) FROM \(quotedName);
        GRANT USAGE ON SCHEMA \(quotedSchema) TO \(quotedName);

        DO $calapi$
        DECLARE
          role_name text := current_setting('calapi.role');
          schema_name text := current_setting('calapi.schema');
          g record;
          target regclass;
          privilege text;
          visible text;
          sequence regclass;
        BEGIN
          FOR g IN SELECT * FROM (VALUES
        \(grantRows)
            ) AS v(tbl, whole, per_column, hidden)
          LOOP
            target := to_regclass(format('%I.%I', schema_name, g.tbl));
            CONTINUE WHEN target IS NULL;
            IF cardinality(g.whole) > 0 THEN
              EXECUTE format('GRANT %s ON %s TO %I', array_to_string(g.whole, ', '), target, role_name);
            END IF;
            SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO visible FROM pg_attribute
              WHERE attrelid = target AND attnum > 0 AND NOT attisdropped AND attname <> ALL (g.hidden);
            FOREACH privilege IN ARRAY g.per_column LOOP
              EXECUTE format('GRANT %s (%s) ON %s TO %I', privilege, visible, target, role_name);
            END LOOP;
            IF 'INSERT' = ANY (g.whole || g.per_column) THEN
              FOR sequence IN SELECT d.objid::regclass FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
                WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                  AND d.refobjid = target AND s.relkind = 'S' AND d.deptype IN ('a', 'i')
              LOOP
                EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', sequence, role_name);
              END LOOP;
            END IF;
          END LOOP;
          -- serve reads calapi's schema version at start.
          target := to_regclass(format('%I.%I', schema_name, \(Self.literal(Migrator.bookkeepingTable))));
          IF target IS NOT NULL THEN
            EXECUTE format('GRANT SELECT ON %s TO %I', target, role_name);
          END IF;
        END
        $calapi$;

        -- The one way the role reaches "ApiKey": a key's hash in, that key's user and state out.
        CREATE OR REPLACE FUNCTION \(quotedFunction)(key_hash text)
          RETURNS TABLE ("userId" integer, "userExists" boolean, "isAdmin" boolean, locked boolean, "expiresAt" timestamp)
          LANGUAGE plpgsql STABLE SECURITY DEFINER
          SET search_path = \(quotedSchema), pg_temp
        AS $body$
        #variable_conflict use_column
        BEGIN
          RETURN QUERY \(APIKeyAuthenticator.keyRows(hash: "key_hash"));
        END
        $body$;
        REVOKE ALL ON FUNCTION \(quotedFunction)(text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION \(quotedFunction)(text) TO \(quotedName);

        DO $calapi$
        DECLARE
          role_name text := current_setting('calapi.role');
          schema_name text := current_setting('calapi.schema');
          key_owner regrole;
          found text;
        BEGIN
          -- The function runs with its owner's rights: the owner of "ApiKey", not whoever ran this.
          SELECT relowner::regrole INTO key_owner FROM pg_class WHERE oid = to_regclass(format('%I.%I', schema_name, 'ApiKey'));
          IF key_owner IS NOT NULL THEN
            EXECUTE format('ALTER FUNCTION %I.%I(text) OWNER TO %s', schema_name, \(Self.literal(Self.lookupFunction)), key_owner);
          END IF;

          IF EXISTS (SELECT FROM pg_roles WHERE rolname = role_name
                     AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
            RAISE EXCEPTION 'role % must not be a superuser, create roles or databases, replicate or bypass row security', role_name
              USING HINT = format('ALTER ROLE %I NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS', role_name);
          END IF;
          SELECT string_agg(quote_ident(r.rolname), ', ') INTO found
            FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = role_name::regrole;
          IF found IS NOT NULL THEN
            RAISE EXCEPTION 'role % is a member of %, whose privileges it could use', role_name, found
              USING HINT = format('REVOKE %s FROM %I', found, role_name);
          END IF;
          SELECT string_agg(oid::regclass::text, ', ') INTO found FROM pg_class WHERE relowner = role_name::regrole;
          IF found IS NOT NULL THEN
            RAISE EXCEPTION 'role % owns %: an owner can grant itself anything', role_name, found
              USING HINT = 'give these to the owner of Cal.com''s tables (ALTER TABLE … OWNER TO …)';
          END IF;
          SELECT string_agg(t, ', ') INTO found FROM unnest(ARRAY[\(Self.literals(SensitiveData.tables))]) t
            WHERE to_regclass(format('%I.%I', schema_name, t)) IS NOT NULL
              AND has_any_column_privilege(role_name, to_regclass(format('%I.%I', schema_name, t)), 'SELECT');
          IF found IS NOT NULL THEN
            RAISE EXCEPTION 'role % can read %, which calapi never exposes', role_name, found
              USING HINT = 'revoke what PUBLIC or the role hold on these tables';
          END IF;
          SELECT string_agg(format('%I.%I', h.tbl, h.col), ', ') INTO found FROM (VALUES
        \(hiddenColumnRows)
            ) AS h(tbl, col)
            JOIN pg_attribute a ON a.attrelid = to_regclass(format('%I.%I', schema_name, h.tbl)) AND a.attname = h.col AND NOT a.attisdropped
            WHERE has_column_privilege(role_name, a.attrelid, a.attnum, 'SELECT');
          IF found IS NOT NULL THEN
            RAISE EXCEPTION 'role % can read %, which calapi never exposes', role_name, found
              USING HINT = 'revoke what PUBLIC holds on these tables';
          END IF;
          IF has_schema_privilege(role_name, schema_name, 'CREATE') THEN
            RAISE WARNING 'role % may create objects in schema % (PUBLIC may, before PostgreSQL 15)', role_name, schema_name
              USING HINT = format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, once nothing else relies on it', schema_name);
          END IF;
        END
        $calapi$;
        COMMIT;

        """
    }

    /// The `VALUES` rows of `grants`: table, whole-table privileges, per-column privileges, hidden columns.
    private var grantRows: String {
        Self.grants.map { grant in
            let hidden = SensitiveData.hiddenColumns[grant.table] ?? []
            return "      (\(Self.literal(grant.table)), ARRAY[\(Self.literals(grant.wholeTable))]::text[], "
                + "ARRAY[\(Self.literals(grant.visibleColumns))]::text[], ARRAY[\(Self.literals(hidden))]::text[])"
        }.joined(separator: ",\n")
    }

    /// The `VALUES` rows of every hidden column: table, column.
    private var hiddenColumnRows: String {
        SensitiveData.hiddenColumns.sorted { $0.key < $1.key }.flatMap { table, columns in
            columns.map { "      (\(Self.literal(table)), \(Self.literal($0)))" }
        }.joined(separator: ",\n")
    }

    private var quotedName: String { Self.identifier(name) }
    private var quotedSchema: String { Self.identifier(schema) }
    private var quotedFunction: String { "\(quotedSchema).\(Self.identifier(Self.lookupFunction))" }

    /// `value` as a double-quoted SQL identifier.
    static func identifier(_ value: String) -> String {
        "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    /// `value` as an SQL string literal (standard_conforming_strings, the default since PostgreSQL 9.1).
    static func literal(_ value: String) -> String {
        "'" + value.replacing("'", with: "''") + "'"
    }

    /// Comma-separated string literals.
    private static func literals(_ values: [String]) -> String {
        values.map(literal).joined(separator: ", ")
    }
}
