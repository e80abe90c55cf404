/*
 * calapi_plugin.h — the whole contract between calapi and its plugins (C11 or C++11, ABI 1.1).
 *
 * A plugin is a shared library exporting exactly two C symbols:
 *
 *   const calapi_magic *calapi_plugin_magic(void);
 *       Pure: returns a pointer to a static block describing the plugin. The host calls it first and
 *       checks the block before any other plugin code runs.
 *
 *   int32_t calapi_plugin_init_v1(const calapi_host_v1 *host, calapi_registrar_v1 *reg);
 *       Called once, at start-up, on the main thread. The plugin keeps `host` (valid for the life of the
 *       process), declares its resources, statements and routes through `reg` (valid only during the
 *       call) and returns CALAPI_OK, or calls reg->set_error and returns CALAPI_FAIL.
 *
 * Compatibility rules (read before changing this file):
 *   - Every struct starts with `struct_size`. New members are only ever appended (minor version bump).
 *     Removing, reordering or changing a member or a signature is a major bump, and the init symbol's
 *     name changes with it (calapi_plugin_init_v2), so an old plugin is never called by a new host.
 *   - Use CALAPI_HAS(ptr, member) before calling a host function added after 1.0.
 *   - A host loads a plugin whose major equals its own and whose minor is not greater than its own:
 *     a minor version only appends host functions and struct members (an older plugin never sees
 *     them, a newer one checks with CALAPI_HAS); anything else is a new major.
 *   - Fixed-width integers only; no C enums (their size is the compiler's choice).
 *
 * Memory ownership across the boundary:
 *   - Host → plugin (strings, JSON nodes, rows) is BORROWED: request data is valid until the handler
 *     returns; the host table, configuration strings and the registrar's answers live for the process.
 *   - Plugin → host is COPIED: every string, schema, SQL text and OpenAPI fragment handed to the
 *     registrar, and every response byte handed to a host function, is copied before the call returns.
 *     A plugin may pass pointers to temporary buffers.
 *   - Nothing is ever freed across the boundary: no function returns memory the caller must free.
 *     `req_alloc` memory belongs to the request and is released by the host after the response.
 *   - A plugin is never unloaded; `user_data` and anything allocated at init lives until exit.
 *
 * Threading: handlers run concurrently on several worker threads; each call gets its own calapi_req.
 * Host functions taking a calapi_req may be called only from the thread running that request's
 * handler. Functions without a calapi_req are thread-safe. A handler must not block on anything but
 * the host's database calls, and must never trap or longjmp: failures are status codes.
 *
 * Naming and loading:
 *   - The file is lib<Name>.so, <Name> of letters, digits and '_'. The magic block's `name` is the
 *     plugin's identity (logs, `calapi plugins`, the `x-calapi-plugin` extension of each operation at
 *     /docs): two plugins with the same name, or the same file twice, are refused.
 *   - config.yaml lists what loads: `plugins.load: [<Name>, …]` finds lib<Name>.so in
 *     `plugins.directory` (default: the calapi executable's folder); `plugins.files: [path, …]` loads
 *     plugin files anywhere (paths relative to config.yaml's folder), e.g. a third-party plugin in its
 *     own build folder. A file that is writable by group or others is refused.
 *   - A route belongs to the resource it names, whatever its path: `/teams/{teamId}/event-types` is
 *     served by the plugin declaring "event-types", not by the one declaring "teams". config.yaml's
 *     `resources:` enables methods per resource (a route is mounted only when its resource enables
 *     its method); two plugins may not declare the same resource, nor serve the same method and path.
 *   - Paths are OpenAPI templates without the version prefix; calapi serves each under /v1, /api/v1
 *     and unversioned. Every route requires an API key: the host answers 401 before any plugin code.
 *
 * What a statement may not do (checked by word when it is registered; the plugin is refused with the
 * reason): hold more than one statement; start with transaction control (BEGIN, COMMIT, ROLLBACK,
 * SAVEPOINT, RELEASE, ABORT, START, END) or DDL and session commands (CREATE, DROP, ALTER, GRANT,
 * REVOKE, COPY, SET, RESET, LOCK, VACUUM, DO, CALL): only SELECT, INSERT, UPDATE, DELETE and WITH;
 * name a sensitive table or column (ApiKey, Credential, Webhook, UserPassword, ResetPasswordRequest,
 * VerificationToken, ReminderMail, Account, Session, Impersonations, RateLimit, AccessToken,
 * RefreshToken, PlatformOAuthClient, App, DomainWideDelegation, DelegationCredential,
 * WorkspacePlatform, hashedKey, twoFactorSecret, backupCodes, password, calapi_api_key_lookup),
 * quoted or bare, in any case: the check is by word, so an alias or output name such as `password`
 * or `session` is refused too; use U& escapes, dollar quotes ($$), query_to_xml and its family,
 * ts_stat, ts_rewrite, dblink*, set_config, TEMP/TEMPORARY/pg_temp; or write (INSERT, UPDATE,
 * DELETE, MERGE, TRUNCATE anywhere) while declared read-only (`writes` = 0). Behind this check,
 * PostgreSQL is the boundary: `calapi serve` connects as a restricted role that may use only the
 * tables the API serves (users without its secret columns, Team, Membership, EventType, Host,
 * _user_eventtype, HashedLink (read), EventTypeCustomInput, Schedule, Availability,
 * SelectedCalendar, DestinationCalendar, Booking (no oneTimePassword), Attendee, BookingReference,
 * Payment (read, no data), calapi_unverified_email). A statement on any other table fails at run
 * time (CALAPI_DB_ERROR, "permission denied" in the log); an operator who wants a plugin to reach
 * another table grants it to that role (`calapi db-role-sql` prints the role's SQL; add
 * `GRANT SELECT ON "<Table>" TO calapi_api;` after it, and re-run both after Cal.com's migrations).
 *
 * JSON Schema (body and query schemas, compiled at registration; any other keyword refuses the
 * plugin): type (string, integer, number, boolean, object, array, null, or an array of them),
 * nullable, enum, const, properties, required, additionalProperties (boolean or schema), minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum (numbers), minLength, maxLength, minItems, maxItems,
 * pattern (ECMAScript-style subset), format (email, date-time, date, time, timezone), items, anyOf,
 * oneOf; annotations accepted and ignored: title, description, example, examples, default,
 * deprecated, readOnly, writeOnly, $comment. calapi's own: "x-message" (the message reported when
 * this schema refuses a value, instead of zod's) and "x-coerce" on an integer or number property of
 * a query schema ("number": JavaScript's Number(), the default; "parseInt": parseInt, so `12abc` is
 * 12; "digits": decimal digits only), and "x-document": an object of schema keywords the OpenAPI
 * document states in place of this schema's own but the validator does not check, for a rule the
 * handler enforces with its own message (a maximum `take`, a compound id's `pattern`, a date the
 * handler parses); its keywords must be ones listed here. A refused value answers 400 {"message":
 * "<zod-style issues>"} before the handler runs; a body that is not JSON answers 400 too.
 * In the document, "format" email also states its rule as a "pattern", "time" becomes a "pattern"
 * (HH:mm[:ss]), "timezone" refers to the TimeZone component (the names the server accepts), and
 * "x-coerce": "digits" adds "minimum": 0. Component names are unique: a plugin registering a name
 * that the host (ErrorMessage, AuthError, TimeZone) or an earlier plugin holds is refused.
 */
#ifndef CALAPI_PLUGIN_H
#define CALAPI_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(__clang__)
/* Nullability qualifiers are clang's (Swift imports them); other compilers ignore them. */
#define _Nullable
#define _Nonnull
#else
#pragma clang assume_nonnull begin
#endif

/* ---- Versions and identity ------------------------------------------------------------------- */

#define CALAPI_ABI_MAJOR 1
#define CALAPI_ABI_MINOR 1
/** Major in the high 16 bits, minor in the low 16 bits. */
#define CALAPI_ABI_VERSION ((CALAPI_ABI_MAJOR << 16) | CALAPI_ABI_MINOR)
/** 'C','A','P','I' read as a little-endian uint32. */
#define CALAPI_MAGIC 0x49504143u

/** Exported with default visibility even when the plugin is built with -fvisibility=hidden (and
 *  with C linkage from C++, so the host finds the two entry points by their C names). */
#ifdef __cplusplus
#define CALAPI_EXPORT extern "C" __attribute__((visibility("default")))
#else
#define CALAPI_EXPORT __attribute__((visibility("default")))
#endif

/** Size of a struct, for its `struct_size` member. */
#define CALAPI_SIZE(type) ((uint32_t)sizeof(type))
/** True when `ptr` (whose first member is struct_size) is large enough to hold `member`. */
#define CALAPI_HAS(ptr, member) \
    (offsetof(__typeof__(*(ptr)), member) + sizeof((ptr)->member) <= (size_t)(ptr)->struct_size)

/** Status codes returned by plugin entry points, handlers and host functions. */
#define CALAPI_OK 0
#define CALAPI_FAIL (-1)

/** Length-delimited UTF-8 text; not NUL-terminated unless stated. */
typedef struct calapi_str {
    const char *_Nullable ptr;
    size_t len;
} calapi_str;

/** A calapi_str from a string literal. */
#ifdef __cplusplus
#define CALAPI_LIT(s) (calapi_str{ (s), sizeof(s) - 1 })
#else
#define CALAPI_LIT(s) ((calapi_str){ (s), sizeof(s) - 1 })
#endif

/** Returned by calapi_plugin_magic(); static storage, never freed. 40 bytes on LP64, no padding. */
typedef struct calapi_magic {
    uint32_t magic;          /**< CALAPI_MAGIC */
    uint32_t struct_size;    /**< sizeof(calapi_magic) as the plugin compiled it */
    uint16_t abi_major;      /**< must equal the host's major */
    uint16_t abi_minor;      /**< must be <= the host's minor */
    uint32_t flags;          /**< reserved, zero */
    const char *name;        /**< unique plugin name, NUL-terminated, e.g. "users" */
    const char *version;     /**< the plugin's own version, e.g. "1.0.0" */
    const char *built_by;    /**< free text, e.g. "swift 6.3.1"; informational */
} calapi_magic;

/** Defines calapi_plugin_magic() in a C plugin. */
#define CALAPI_PLUGIN_MAGIC(plugin_name, plugin_version)                                          \
    static const calapi_magic calapi_magic_block_ = {                                             \
        CALAPI_MAGIC, CALAPI_SIZE(calapi_magic), CALAPI_ABI_MAJOR, CALAPI_ABI_MINOR, 0,          \
        plugin_name, plugin_version, "cc " __VERSION__ };                                         \
    CALAPI_EXPORT const calapi_magic *calapi_plugin_magic(void) { return &calapi_magic_block_; }

/* ---- HTTP methods ---------------------------------------------------------------------------- */

#define CALAPI_GET    0x01u
#define CALAPI_POST   0x02u
#define CALAPI_PATCH  0x04u
#define CALAPI_DELETE 0x08u
#define CALAPI_PUT    0x10u
/** Ceiling for a read-only resource. */
#define CALAPI_METHODS_READ CALAPI_GET
/** Every method a resource can serve. */
#define CALAPI_METHODS_ALL (CALAPI_GET | CALAPI_POST | CALAPI_PATCH | CALAPI_DELETE | CALAPI_PUT)

/* ---- Opaque handles -------------------------------------------------------------------------- */

/** One HTTP request being handled. Borrowed; valid until the handler returns. */
typedef struct calapi_req calapi_req;
/** The rows of one statement execution. Borrowed; valid until the handler returns. */
typedef struct calapi_rows calapi_rows;
/** One node of a parsed, validated JSON document (body or query). Borrowed; valid until the handler returns. */
typedef struct calapi_json calapi_json;
/** A statement registered at init; valid on every worker's connection. */
typedef uint32_t calapi_stmt_id;

/** Route handler. Returns CALAPI_OK once it has produced a response (a body, or host->error); one
 *  that returns CALAPI_OK without writing anything answers 200 `{}`. Any other value makes the host
 *  answer for it, with a fixed message and never PostgreSQL's text: 503 when the database is
 *  unavailable or the statement timed out, a 4xx when the last db_exec failed on the client's data
 *  (400 invalid input, not-null or check violation; 409 unique or foreign-key violation), else 500.
 *  For POST, PATCH, DELETE and PUT the handler runs inside a transaction that the host commits when
 *  the handler returns CALAPI_OK with a 2xx status, and rolls back otherwise. */
typedef int32_t (*calapi_handler)(calapi_req *req, void *_Nullable user_data);

/* ---- JSON node types ------------------------------------------------------------------------- */

#define CALAPI_JSON_NULL   0u
#define CALAPI_JSON_BOOL   1u
#define CALAPI_JSON_INT    2u   /**< a number without fraction or exponent that fits int64 */
#define CALAPI_JSON_DOUBLE 3u
#define CALAPI_JSON_STRING 4u
#define CALAPI_JSON_ARRAY  5u
#define CALAPI_JSON_OBJECT 6u

/* ---- Statement parameters -------------------------------------------------------------------- */

#define CALAPI_PARAM_NULL   0u  /**< SQL NULL */
#define CALAPI_PARAM_TEXT   1u  /**< `s` */
#define CALAPI_PARAM_INT    2u  /**< `i` */
#define CALAPI_PARAM_BOOL   3u  /**< `i` != 0 */
#define CALAPI_PARAM_DOUBLE 4u  /**< `d` */
#define CALAPI_PARAM_JSON   5u  /**< `node` as JSON text (NULL node → SQL NULL); for jsonb parameters */
#define CALAPI_PARAM_NODE   6u  /**< `node` as a scalar's text (strings unquoted), JSON text for arrays and
                                     objects, SQL NULL for JSON null or a NULL node */

/** One statement parameter. Sent to PostgreSQL as text; the SQL casts it ($1::int). */
typedef struct calapi_value {
    uint32_t type;            /**< CALAPI_PARAM_* */
    uint32_t reserved;        /**< zero */
    int64_t i;
    double d;
    calapi_str s;
    const calapi_json *_Nullable node;
} calapi_value;

/* ---- Database result codes (db_exec) --------------------------------------------------------- */

#define CALAPI_DB_OK             0
#define CALAPI_DB_UNAVAILABLE    1   /**< no connection; the host answers 503 if the handler gives up */
#define CALAPI_DB_UNIQUE         2   /**< SQLSTATE 23505; db_error_detail names the constraint */
#define CALAPI_DB_FOREIGN_KEY    3   /**< SQLSTATE 23503 */
#define CALAPI_DB_NOT_NULL       4   /**< SQLSTATE 23502 */
#define CALAPI_DB_CHECK          5   /**< SQLSTATE 23514 */
#define CALAPI_DB_INVALID_INPUT  6   /**< class 22 (bad value for a cast, out of range) */
#define CALAPI_DB_ERROR          7   /**< anything else; logged by the host */

/* ---- Log levels ------------------------------------------------------------------------------ */

#define CALAPI_LOG_DEBUG 0u
#define CALAPI_LOG_INFO  1u
#define CALAPI_LOG_WARN  2u
#define CALAPI_LOG_ERROR 3u

/* ---- Registration (init time only) ----------------------------------------------------------- */

/** A statement: one SQL text with $n placeholders, prepared on every pooled connection. */
typedef struct calapi_statement_v1 {
    uint32_t struct_size;   /**< CALAPI_SIZE(calapi_statement_v1) */
    uint32_t writes;        /**< non-zero if it inserts, updates or deletes */
    calapi_str name;        /**< unique within the plugin, for logs and errors */
    calapi_str sql;         /**< exactly one statement; no BEGIN/COMMIT; never names a sensitive table */
} calapi_statement_v1;

/** A route: one method on one path template under a declared resource. */
typedef struct calapi_route_v1 {
    uint32_t struct_size;     /**< CALAPI_SIZE(calapi_route_v1) */
    uint32_t method;          /**< one CALAPI_GET … value */
    calapi_str resource;      /**< a resource declared by this plugin, e.g. "users" */
    calapi_str path;          /**< OpenAPI template without version prefix, e.g. "/users/{userId}" */
    calapi_handler handler;
    void *_Nullable user_data;
    /** JSON Schema of the body (empty: the route takes no body and ignores one). */
    calapi_str body_schema;
    /** JSON Schema of the query object: query parameters (string, or array of strings when repeated)
     *  merged with the path parameters, as Cal.com's Next.js pages saw them. Properties typed integer,
     *  number or boolean are coerced from their text (JavaScript's Number(), or the property's
     *  "x-coerce" rule: "number", "parseInt" or "digits"). A path parameter's property is the one rule
     *  its value is read by: the host applies it once, before `authorize`, and a value it refuses is
     *  answered 400 before any plugin code runs. Empty: no checks. */
    calapi_str query_schema;
    /** OpenAPI operation object (summary, tags, responses…); parameters and requestBody are filled
     *  by the host from the template and the schemas. */
    calapi_str openapi;
    /** Optional check run after authentication and BEFORE validation (Cal.com checks some permissions
     *  first, e.g. "only admins may create users" answers 401 whatever the body). It may answer with
     *  host->error and return CALAPI_OK; if it leaves the status at 200 the request proceeds. During
     *  this call query() holds the path parameters already read by their query-schema properties
     *  (the same values the handler will see, so a check and the handler cannot disagree on an id)
     *  and the other query parameters as raw strings; body() is NULL. */
    calapi_handler _Nullable authorize;
} calapi_route_v1;

/** Handed to calapi_plugin_init_v1; valid only during that call. Every string is copied. */
typedef struct calapi_registrar_v1 calapi_registrar_v1;
struct calapi_registrar_v1 {
    uint32_t struct_size;
    uint32_t reserved;
    void *_Nullable host_private;  /**< the host's; plugins do not touch it */

    /** Declares a resource (the first path segment, e.g. "payments") and the most methods it may
     *  ever serve. The config can narrow this, never widen it. */
    int32_t (*declare_resource)(calapi_registrar_v1 *reg, calapi_str resource, uint32_t method_ceiling);
    /** Registers a statement; writes its id to *out. Refused (CALAPI_FAIL, reason in the load error)
     *  when the SQL holds more than one statement, transaction control, or a sensitive table. */
    int32_t (*add_statement)(calapi_registrar_v1 *reg, const calapi_statement_v1 *stmt, calapi_stmt_id *out);
    /** Registers a route. Schemas are compiled now: an unsupported keyword refuses the plugin. */
    int32_t (*add_route)(calapi_registrar_v1 *reg, const calapi_route_v1 *route);
    /** Adds a named schema under components/schemas of the OpenAPI document. */
    int32_t (*add_component_schema)(calapi_registrar_v1 *reg, calapi_str name, calapi_str json_schema);
    /** Sets the message reported when init returns CALAPI_FAIL. */
    void (*set_error)(calapi_registrar_v1 *reg, calapi_str message);
};

/* ---- The host's function table --------------------------------------------------------------- */

/* Argument checking. Every host function checks what it is given and never traps or corrupts the
 * host, whatever a plugin passes:
 *   - a NULL req, rows or JSON handle: the neutral answer (0, empty string, NULL; json_type NULL;
 *     query an empty object; db_exec CALAPI_DB_ERROR; writer calls do nothing);
 *   - a calapi_str with a NULL ptr reads as empty whatever its len; a len of 2^63 or more too;
 *   - indexes out of range (SIZE_MAX included): rows_text empty, rows_is_null 1, rows_int64 and
 *     rows_bool 0, json_at NULL, json_key_at empty;
 *   - invalid UTF-8 written to the response (keys, strings, raw JSON) is repaired (U+FFFD);
 *   - the rest is listed on each function below.
 * What no check can catch is a pointer that is neither NULL nor the host's (a handle of another or
 * finished request, a string shorter than its len): those stay the plugin's responsibility. */
typedef struct calapi_host_v1 {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;

    /* Logging. `req` may be NULL outside a request; the host adds plugin name and request id. */
    void (*log)(calapi_req *_Nullable req, uint32_t level, calapi_str message);

    /* Request. Strings are empty (ptr NULL, len 0) when absent. */
    uint32_t (*method)(calapi_req *_Nullable req);
    /** Raw text of a path parameter named in the route template, percent-decoded. */
    calapi_str (*path_param)(calapi_req *_Nullable req, calapi_str name);
    /** Validated query object (path parameters merged in, coerced per the query schema). During
     *  `authorize` only the path parameters are validated (see calapi_route_v1.authorize). */
    const calapi_json *_Nonnull (*_Nonnull query)(calapi_req *_Nullable req);
    /** Validated body, or NULL when the request has none. */
    const calapi_json *_Nullable (*_Nonnull body)(calapi_req *_Nullable req);
    /** First value of a request header, case-insensitive name. */
    calapi_str (*header)(calapi_req *_Nullable req, calapi_str name);
    /** The API key's user id (every plugin route is authenticated before the handler runs). */
    int64_t (*auth_user_id)(calapi_req *_Nullable req);
    /** Non-zero when that user is a system-wide admin (users.role = 'ADMIN'). */
    int32_t (*auth_is_admin)(calapi_req *_Nullable req);

    /* JSON input. A NULL node is treated as absent: json_type answers CALAPI_JSON_NULL, json_len 0. */
    uint32_t (*json_type)(const calapi_json *_Nullable node);
    /** Member of an object by key, or NULL. */
    const calapi_json *_Nullable (*_Nonnull json_get)(const calapi_json *_Nullable object, calapi_str key);
    /** Number of elements of an array or members of an object. */
    size_t (*json_len)(const calapi_json *_Nullable node);
    /** i-th element of an array or i-th member value of an object, or NULL. */
    const calapi_json *_Nullable (*_Nonnull json_at)(const calapi_json *_Nullable node, size_t i);
    /** i-th member key of an object. */
    calapi_str (*json_key_at)(const calapi_json *_Nullable object, size_t i);
    int64_t (*json_int)(const calapi_json *_Nullable node);      /**< INT, or DOUBLE truncated; else 0 */
    double (*json_double)(const calapi_json *_Nullable node);    /**< INT or DOUBLE; else 0 */
    int32_t (*json_bool)(const calapi_json *_Nullable node);     /**< BOOL; else 0 */
    calapi_str (*json_string)(const calapi_json *_Nullable node);/**< STRING; else empty */

    /* Database. Statements only, parameters only. */
    /** Runs a registered statement on this worker's connection. *out is set on CALAPI_DB_OK (and to
     *  NULL otherwise). CALAPI_DB_ERROR without running anything for: a statement id that is not this
     *  plugin's, a NULL out, n_params > 0 with NULL params, more than 65535 parameters, a parameter
     *  type that is not a CALAPI_PARAM_* value. n_params must match the params array's length.
     *  A statement that runs past `database.statement_timeout`, or whose client disconnected, is
     *  stopped: CALAPI_DB_UNAVAILABLE, and every later db_exec of the request fails the same way. */
    int32_t (*db_exec)(calapi_req *_Nullable req, calapi_stmt_id stmt, uint32_t n_params,
                       const calapi_value *_Nullable params, calapi_rows *_Nullable *_Nullable out);
    /** Constraint name (else SQLSTATE) of the last failed db_exec, for logs and choices; never
     *  PostgreSQL's message text. Not meant for clients: schema names are internals. */
    calapi_str (*db_error_constraint)(calapi_req *_Nullable req);
    size_t (*rows_count)(const calapi_rows *_Nullable rows);
    size_t (*rows_columns)(const calapi_rows *_Nullable rows);
    /** Index of a column by name, or -1. */
    int32_t (*rows_column)(const calapi_rows *_Nullable rows, calapi_str name);
    int32_t (*rows_is_null)(const calapi_rows *_Nullable rows, size_t row, size_t column);
    /** Text of a value as PostgreSQL sent it (NUL-terminated; empty for NULL). */
    calapi_str (*rows_text)(const calapi_rows *_Nullable rows, size_t row, size_t column);
    /** An integer column's value: the text read as a decimal int64. 0 for NULL, and for a value that
     *  is no decimal integer (a numeric with a fraction, text, a boolean) or does not fit int64: read
     *  such columns with rows_text, or cast in SQL (`$1::bigint`, `count(*)`). */
    int64_t (*rows_int64)(const calapi_rows *_Nullable rows, size_t row, size_t column);
    /** 1 for a boolean column's `t`, else 0 (NULL and non-boolean values included). */
    int32_t (*rows_bool)(const calapi_rows *_Nullable rows, size_t row, size_t column);
    /** Rows inserted, updated or deleted. */
    int64_t (*rows_affected)(const calapi_rows *_Nullable rows);

    /* Response. The status defaults to 200 and the content type to application/json. A handler that
     * returns CALAPI_OK without writing anything answers `{}`. */
    /** A status outside 200-599 makes the host answer 500 (and log it) instead of the handler's body. */
    void (*set_status)(calapi_req *_Nullable req, uint32_t status);
    /** Ignored (and logged once per request) when the name is not an HTTP token, the value holds CR,
     *  LF or NUL, or the response already has 64 headers set by the plugin. Framing headers
     *  (Content-Length, Transfer-Encoding, Connection) are the server's and are replaced. */
    void (*set_header)(calapi_req *_Nullable req, calapi_str name, calapi_str value);
    /** JSON writer: the host inserts commas and escapes strings. Keys only inside objects, one value
     *  per key, one top-level value, at most 512 levels deep; json_write_raw must be one complete,
     *  non-empty JSON value (not re-parsed). A call that would break these rules is ignored and the
     *  host answers 500 (and logs the first broken rule) instead of the body, as it does for a
     *  document left unfinished when the handler returns. host->error() starts a fresh document. */
    void (*json_begin_object)(calapi_req *_Nullable req);
    void (*json_end_object)(calapi_req *_Nullable req);
    void (*json_begin_array)(calapi_req *_Nullable req);
    void (*json_end_array)(calapi_req *_Nullable req);
    void (*json_key)(calapi_req *_Nullable req, calapi_str key);
    void (*json_write_string)(calapi_req *_Nullable req, calapi_str value);
    void (*json_write_int)(calapi_req *_Nullable req, int64_t value);
    void (*json_write_double)(calapi_req *_Nullable req, double value);
    void (*json_write_bool)(calapi_req *_Nullable req, int32_t value);
    void (*json_write_null)(calapi_req *_Nullable req);
    /** Writes an already-encoded JSON value (e.g. built by PostgreSQL) where a value is expected. */
    void (*json_write_raw)(calapi_req *_Nullable req, calapi_str json);
    /** Replaces the response with {"message": message} and the status (a status outside 400-599 becomes
     *  500). Returns CALAPI_OK so a handler can `return host->error(req, 403, CALAPI_LIT("Forbidden"));`. */
    int32_t (*error)(calapi_req *_Nullable req, uint32_t status, calapi_str message);

    /* Memory: zeroed, 16-byte aligned, freed with the request. NULL when the request's allocations
     * would pass 64 MiB in total (SIZE_MAX included), or when out of memory. */
    void *_Nullable (*_Nonnull req_alloc)(calapi_req *_Nullable req, size_t size);

    /* ---- Added in ABI 1.1 (check with CALAPI_HAS(host, limit)) ---- */

    /** The operator's bound on a request's cost: the value of `limits.<name>` in config.yaml (its
     *  default when the file does not set it), or -1 when this host has no such limit. Known names:
     *  "max_page_size" (rows in one list answer), "max_availability_days" (the longest availability
     *  period), "max_team_availability_members" (members in one team availability answer).
     *  Thread-safe, constant for the life of the process; plugins usually read it once at init. */
    int64_t (*limit)(calapi_str name);
} calapi_host_v1;

/** The init entry point's type, for hosts resolving it with dlsym. */
typedef int32_t (*calapi_plugin_init_v1_fn)(const calapi_host_v1 *host, calapi_registrar_v1 *reg);
/** The magic entry point's type. */
typedef const calapi_magic *_Nonnull (*calapi_plugin_magic_fn)(void);

#if defined(__clang__)
#pragma clang assume_nonnull end
#endif

#ifdef __cplusplus
#define CALAPI_STATIC_ASSERT static_assert
#else
#define CALAPI_STATIC_ASSERT _Static_assert
#endif
#if defined(__LP64__)
CALAPI_STATIC_ASSERT(sizeof(calapi_str) == 16, "calapi_str layout");
CALAPI_STATIC_ASSERT(sizeof(calapi_magic) == 40, "calapi_magic layout");
CALAPI_STATIC_ASSERT(sizeof(calapi_value) == 48, "calapi_value layout");
CALAPI_STATIC_ASSERT(sizeof(calapi_statement_v1) == 40, "calapi_statement_v1 layout");
CALAPI_STATIC_ASSERT(sizeof(calapi_route_v1) == 112, "calapi_route_v1 layout");
#endif

#ifdef __cplusplus
}
#endif
#endif /* CALAPI_PLUGIN_H */
