/*
 * booking_summary.c — a third-party calapi plugin in plain C, built from calapi_plugin.h alone.
 *
 * GET /v1/booking-summary answers the caller's bookings counted by status, how many are still to
 * come, and when the next one starts:
 *
 *   {"booking_summary":{"userId":7,"total":3,"accepted":2,"pending":1,"cancelled":0,"rejected":0,
 *                       "upcoming":2,"nextStartTime":"2030-01-01T10:00:00.000Z"}}
 *
 * A system admin may ask for another user with ?userId=N; anyone else gets 403 for a user other
 * than themself. It reads "Booking" only, a table calapi's database role is granted.
 */
#include "calapi_plugin.h"

static const calapi_host_v1 *host;
static calapi_stmt_id summary;

/* $1 the user: one row, the summary as JSON text (counts are 0 for a user without bookings). */
static const char summary_sql[] =
    "SELECT json_build_object("
    "  'userId', $1::int,"
    "  'total', count(b.id),"
    "  'accepted', count(b.id) FILTER (WHERE b.status = 'accepted'),"
    "  'pending', count(b.id) FILTER (WHERE b.status = 'pending'),"
    "  'cancelled', count(b.id) FILTER (WHERE b.status = 'cancelled'),"
    "  'rejected', count(b.id) FILTER (WHERE b.status = 'rejected'),"
    "  'upcoming', count(b.id) FILTER (WHERE b.status IN ('accepted', 'pending') AND b.\"startTime\" >= now() AT TIME ZONE 'UTC'),"
    "  'nextStartTime', to_char(min(b.\"startTime\") FILTER (WHERE b.status IN ('accepted', 'pending')"
    "                                                   AND b.\"startTime\" >= now() AT TIME ZONE 'UTC'),"
    "                           'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))::text"
    " FROM \"Booking\" b WHERE b.\"userId\" = $1::int";

/* ?userId: an integer within PostgreSQL's `integer`, so the statement never fails on its size. */
static const char query_schema[] =
    "{\"type\":\"object\",\"properties\":{\"userId\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":2147483647,"
    "\"description\":\"system admins only: another user's summary\"}}}";

static const char summary_schema[] =
    "{\"type\":\"object\",\"properties\":{\"userId\":{\"type\":\"integer\"},\"total\":{\"type\":\"integer\"},"
    "\"accepted\":{\"type\":\"integer\"},\"pending\":{\"type\":\"integer\"},\"cancelled\":{\"type\":\"integer\"},"
    "\"rejected\":{\"type\":\"integer\"},\"upcoming\":{\"type\":\"integer\"},"
    "\"nextStartTime\":{\"type\":\"string\",\"format\":\"date-time\",\"nullable\":true}}}";

static const char operation[] =
    "{\"summary\":\"Count the caller's bookings\",\"description\":\"By status, with the upcoming ones and the next start\","
    "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
    "\"properties\":{\"booking_summary\":{\"$ref\":\"#/components/schemas/BookingSummary\"}}}}}},"
    "\"401\":{\"description\":\"Authorization information is missing or invalid\"},\"403\":{\"description\":\"Forbidden\"}}}";

static int32_t get_summary(calapi_req *req, void *unused) {
    (void)unused;
    int64_t user = host->auth_user_id(req);
    const calapi_json *asked = host->json_get(host->query(req), CALAPI_LIT("userId"));
    if (host->json_type(asked) == CALAPI_JSON_INT && host->json_int(asked) != user) {
        if (!host->auth_is_admin(req)) return host->error(req, 403, CALAPI_LIT("Only system admins may read another user's summary"));
        user = host->json_int(asked);
    }
    calapi_value params[1] = {{ CALAPI_PARAM_INT, 0, user, 0, { 0, 0 }, 0 }};
    calapi_rows *rows;
    if (host->db_exec(req, summary, 1, params, &rows) != CALAPI_DB_OK) return CALAPI_FAIL;  /* the host answers */
    host->json_begin_object(req);
    host->json_key(req, CALAPI_LIT("booking_summary"));
    host->json_write_raw(req, host->rows_text(rows, 0, 0));
    host->json_end_object(req);
    return CALAPI_OK;
}

CALAPI_PLUGIN_MAGIC("booking-summary", "1.0.0")

CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
    host = h;
    calapi_statement_v1 statement = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT("summary"), CALAPI_LIT(summary_sql) };
    calapi_route_v1 route = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("booking-summary"), CALAPI_LIT("/booking-summary"),
                              get_summary, 0, { 0, 0 }, CALAPI_LIT(query_schema), CALAPI_LIT(operation), 0 };
    if (reg->declare_resource(reg, CALAPI_LIT("booking-summary"), CALAPI_METHODS_READ) != CALAPI_OK
        || reg->add_statement(reg, &statement, &summary) != CALAPI_OK
        || reg->add_component_schema(reg, CALAPI_LIT("BookingSummary"), CALAPI_LIT(summary_schema)) != CALAPI_OK
        || reg->add_route(reg, &route) != CALAPI_OK) {
        return CALAPI_FAIL;  /* the registrar recorded why; calapi reports it */
    }
    return CALAPI_OK;
}
