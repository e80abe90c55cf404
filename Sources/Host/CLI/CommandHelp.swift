/// What `calapi help <command>` (and `calapi <command> --help`) prints for each command.
enum CommandHelp {
    static let commands: [(name: String, text: String)] = [
        ("serve", """
            usage: calapi serve [--config FILE] [--port N] [--check-config]

            Serves the API on listen.host:listen.port (config.yaml). Without DATABASE_URL, starts a private
            PostgreSQL under database.data_dir (.calapi/) and creates a demo admin on the first start.
            Prints where it listens, the resources served and where the OpenAPI document is (/docs).

              --config FILE    the config file (default: ./config.yaml when present)
              --port N         listen on port N instead (0: any free port)
              --check-config   load the plugins and the config, report, and exit (0 when all is well)

            Signals: SIGHUP reloads the config (resources, methods and request limits apply to new
            requests; settings marked (restart) in config.yaml are logged and kept). SIGTERM or SIGINT
            stop gracefully: requests already received are answered, each connection closes after its
            last answer, for at most limits.drain_timeout_seconds. See docs/operations.md.
            """),
        ("migrate", """
            usage: calapi migrate [--config FILE]

            Creates Cal.com's tables on an empty database; idempotent. On an existing Cal.com database it
            checks the schema and changes nothing of Cal.com's (it adds calapi_schema_migrations and
            calapi_unverified_email only). Run it as the owner of the tables.
            """),
        ("db-role-sql", """
            usage: calapi db-role-sql [--role NAME] [--config FILE]

            Prints the SQL that creates the restricted role calapi serve should connect as on an existing
            Cal.com database (default name calapi_api). Run it as the owner of the tables, and again after
            Cal.com's migrations. Connects to nothing. See docs/security.md, "The database boundary".
            """),
        ("keys", """
            usage: calapi keys create --user-id N [--expires-at ISO8601] [--note TEXT] [--config FILE]

            Mints a Cal.com-compatible API key for user N and prints it once (it is stored hashed).
            """),
        ("openapi", """
            usage: calapi openapi [--config FILE]

            Prints the OpenAPI 3 document for the resources and methods the config enables (the same as GET /docs).
            """),
        ("plugins", """
            usage: calapi plugins [--config FILE]

            Lists the plugin folder, each configured plugin with its ABI, resources, ceilings and enabled
            methods, whether it loads, and the libraries present but not configured. Exit 1 if one is refused.
            """),
        ("indexes", """
            usage: calapi indexes [--apply] [--config FILE]

            Prints the indexes calapi's statements would use on Cal.com's schema and that it does not
            have (a user's bookings by id, event types' hashed links), each with what it serves and
            whether the database already has an equivalent one. Changes nothing unless --apply is given:
            then the missing ones are created with CREATE INDEX CONCURRENTLY (writes go on meanwhile);
            run it as the owner of the tables. Never done by migrate or serve. See docs/operations.md,
            "Performance".
            """),
        ("help", """
            usage: calapi help [COMMAND]

            Prints the list of commands, or the details of one.
            """),
        ("version", """
            usage: calapi --version

            Prints calapi's version, the plugin ABI it hosts and the libpq it runs with.
            """),
    ]

    static func text(for command: String) -> String? {
        commands.first { $0.name == command }?.text
    }
}
