/// calapi's settings: the built-in defaults, overridden by config.yaml, overridden in turn by the
/// environment for deployment settings. Plain values; `ConfigLoader` fills and checks them.
struct Config {
    /// Served when config.yaml has no `resources` section.
    static let defaultResources: [String: ResourceConfig] = [
        "users": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "me": ResourceConfig(methods: ["GET"], line: 0),
        "teams": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "memberships": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "event-types": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "custom-inputs": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "schedules": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "availabilities": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "selected-calendars": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "destination-calendars": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "payments": ResourceConfig(methods: ["GET"], line: 0),
        "attendees": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "booking-references": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "bookings": ResourceConfig(methods: ["GET", "POST", "PATCH", "DELETE"], line: 0),
        "availability": ResourceConfig(methods: ["GET"], line: 0),
        "slots": ResourceConfig(methods: ["GET"], line: 0),
        "no-show": ResourceConfig(methods: ["POST"], line: 0),
    ]

    var host = "127.0.0.1"
    var port: UInt16 = 3002
    /// Share the port with a newer calapi during a restart (`SO_REUSEPORT`); see docs/operations.md.
    var reusePort = false
    /// Nil: start calapi's private PostgreSQL under `dataDirectory`.
    var databaseURL: String?
    /// Absolute.
    var dataDirectory: String
    /// Handler threads, each with one database connection.
    var poolSize = 4
    /// PostgreSQL's `statement_timeout` on every pooled connection, in seconds; 0 = none.
    var statementTimeoutSeconds = 10.0
    /// Absolute; nil means the folder of the calapi executable.
    var pluginDirectory: String?
    /// Plugin families to load, `lib<Name>.so` each.
    var pluginNames = [
        "Users", "Teams", "Memberships", "EventTypes", "CustomInputs", "Schedules", "Availabilities",
        "SelectedCalendars", "DestinationCalendars", "Payments", "Attendees", "BookingReferences", "Bookings", "Availability",
        "Slots", "NoShow",
    ]
    /// Plugin files outside the plugin folder (absolute paths, each `lib<Name>.so`), loaded after
    /// the families: third-party plugins built where their authors keep them.
    var pluginFiles: [String] = []
    /// Every plugin to load: the families from the plugin folder, then the files.
    var pluginSources: [PluginSource] { pluginNames.map(PluginSource.family) + pluginFiles.map(PluginSource.file) }
    /// Resource name (as in the URL) → methods served. A resource not here is not served.
    var resources = Config.defaultResources
    var maxBodyBytes = 1_048_576
    var maxHeaderBytes = 16_384
    var headerTimeoutSeconds = 10.0
    var idleTimeoutSeconds = 75.0
    var ioThreads = 1
    /// Open connections at once; more are closed as they arrive.
    var maxConnections = 10_000
    /// How long a stop (SIGTERM) waits for requests in flight and connections to finish.
    var drainTimeoutSeconds = 30.0
    /// During a stop, how long a keep-alive connection between requests may still send one more.
    var drainIdleSeconds = 1.0
    /// Bounds on a request's cost that plugins enforce (page size, availability period).
    var pluginLimits = PluginLimits()
    /// Query parameters a request may carry; more answer 400.
    var maxQueryParameters = 1000
    var apiKeyPrefix = "cal_"
    /// How long a verified API key is remembered (`AuthCache`); 0 turns the cache off.
    var keyCacheSeconds = 30.0
    /// `log:` format, level, access log and stream.
    var log = LogSettings()
    /// `metrics.token`: the bearer token `GET /metrics` needs; nil leaves it open.
    var metricsToken: String?
    /// `rate_limit:` requests per user and window.
    var rateLimit = RateLimitSettings()
    /// The config file read, for messages; nil when there was none.
    var sourcePath: String?

    /// The defaults, with the data folder resolved against `baseDirectory`.
    init(baseDirectory: String) {
        dataDirectory = ConfigPath.resolve(".calapi", against: baseDirectory)
    }
}
