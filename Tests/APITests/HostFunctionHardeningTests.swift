import Foundation
import XCTest
@testable import Host

/// A plain-C plugin that calls every host function with hostile arguments (NULL handles, SIZE_MAX
/// indexes, NULL strings with lengths, huge allocations, unknown statement ids and parameter types,
/// header injection, writer misuse, odd statuses) and reports what it got: the server answers each
/// request and keeps serving.
final class HostFunctionHardeningTests: XCTestCase {
    static let source = #"""
#include "calapi_plugin.h"
#include <string.h>

static const calapi_host_v1 *host;
static calapi_stmt_id one;

/* Writes "name": value into the report object. */
static void report(calapi_req *req, const char *name, int64_t value) {
    host->json_key(req, (calapi_str){ name, strlen(name) });
    host->json_write_int(req, value);
}

static int32_t probe(calapi_req *req, void *unused) {
    const calapi_str nowhere = { 0, 5 };
    const calapi_str huge = { 0, (size_t)-1 };
    calapi_rows *rows = (calapi_rows *)1;
    const calapi_json *query = host->query(req);

    /* Calls with a NULL request, before anything is written. */
    host->log(0, 99, nowhere);
    host->log(req, 1, CALAPI_LIT("one line\ncalapi error: forged"));
    host->set_status(0, 404);
    host->set_header(0, CALAPI_LIT("X-Null"), CALAPI_LIT("1"));
    host->json_begin_object(0);
    host->json_key(0, CALAPI_LIT("k"));
    host->json_write_int(0, 1);
    host->error(0, 403, CALAPI_LIT("nobody"));
    host->set_header(req, CALAPI_LIT("X-Injected"), CALAPI_LIT("a\r\nSet-Cookie: stolen=1"));
    host->set_header(req, CALAPI_LIT("Bad Name"), CALAPI_LIT("v"));
    host->set_header(req, huge, huge);
    host->set_header(req, CALAPI_LIT("X-Fine"), CALAPI_LIT("ok"));

    host->json_begin_object(req);
    report(req, "method_null", host->method(0));
    report(req, "path_param_null_req", (int64_t)host->path_param(0, CALAPI_LIT("case")).len);
    report(req, "path_param_null_name", (int64_t)host->path_param(req, nowhere).len);
    report(req, "query_null_is_object", host->json_type(host->query(0)) == CALAPI_JSON_OBJECT);
    report(req, "body_null", host->body(0) == 0);
    report(req, "header_null_req", (int64_t)host->header(0, CALAPI_LIT("host")).len);
    report(req, "header_huge_name", (int64_t)host->header(req, huge).len);
    report(req, "auth_null", host->auth_user_id(0) + host->auth_is_admin(0));

    report(req, "json_at_size_max", host->json_at(query, (size_t)-1) == 0);
    report(req, "json_at_past_end", host->json_at(query, 1000000) == 0);
    report(req, "json_at_null", host->json_at(0, 0) == 0);
    report(req, "json_key_at_size_max", (int64_t)host->json_key_at(query, (size_t)-1).len);
    report(req, "json_key_at_array_past_end", (int64_t)host->json_key_at(host->json_get(query, CALAPI_LIT("list")), 5).len);
    report(req, "json_get_null", host->json_get(0, CALAPI_LIT("x")) == 0);
    report(req, "json_get_null_key", host->json_get(query, nowhere) == 0);
    report(req, "json_get_huge_key", host->json_get(query, huge) == 0);
    report(req, "json_len_null", (int64_t)host->json_len(0));
    report(req, "json_scalars_null", host->json_int(0) + (int64_t)host->json_double(0) + host->json_bool(0)
                                     + (int64_t)host->json_string(0).len + host->json_type(0));

    calapi_value bad_type[1] = {{ .type = 99 }};
    calapi_value fine[1] = {{ .type = CALAPI_PARAM_INT, .i = 7 }};
    report(req, "db_null_req", host->db_exec(0, one, 0, 0, &rows));
    report(req, "db_out_set_null", rows == 0);
    report(req, "db_unknown_statement", host->db_exec(req, 99999, 0, 0, &rows));
    report(req, "db_null_params", host->db_exec(req, one, 5, 0, &rows));
    report(req, "db_huge_count", host->db_exec(req, one, 4000000000u, fine, &rows));
    report(req, "db_unknown_type", host->db_exec(req, one, 1, bad_type, &rows));
    report(req, "db_null_out", host->db_exec(req, one, 1, fine, 0));
    report(req, "db_error_constraint_null", (int64_t)host->db_error_constraint(0).len);
    report(req, "db_ok", host->db_exec(req, one, 1, fine, &rows));

    report(req, "rows_value", host->rows_int64(rows, 0, 0));
    report(req, "rows_text_row_max", (int64_t)host->rows_text(rows, (size_t)-1, 0).len);
    report(req, "rows_text_column_max", (int64_t)host->rows_text(rows, 0, (size_t)-1).len);
    report(req, "rows_text_past_end", (int64_t)host->rows_text(rows, 1, 0).len);
    report(req, "rows_is_null_max", host->rows_is_null(rows, (size_t)-1, (size_t)-1));
    report(req, "rows_int64_max", host->rows_int64(rows, (size_t)-1, 0));
    report(req, "rows_bool_max", host->rows_bool(rows, 0, (size_t)-1));
    report(req, "rows_null_handle", (int64_t)host->rows_count(0) + (int64_t)host->rows_columns(0) + host->rows_affected(0)
                                    + (int64_t)host->rows_text(0, 0, 0).len + host->rows_int64(0, 0, 0));
    report(req, "rows_column_null", host->rows_column(0, CALAPI_LIT("x")));
    report(req, "rows_column_null_name", host->rows_column(rows, nowhere));

    report(req, "alloc_size_max", host->req_alloc(req, (size_t)-1) == 0);
    report(req, "alloc_2_62", host->req_alloc(req, (size_t)1 << 62) == 0);
    report(req, "alloc_null_req", host->req_alloc(0, 16) == 0);
    char *small = host->req_alloc(req, 16);
    report(req, "alloc_small_zeroed", small != 0 && small[0] == 0 && small[15] == 0);
    report(req, "alloc_40_mib", host->req_alloc(req, 40 << 20) != 0);
    report(req, "alloc_another_40_mib", host->req_alloc(req, 40 << 20) == 0);

    host->json_key(req, CALAPI_LIT("bad_utf8_\xff"));
    host->json_write_string(req, (calapi_str){ "a\xc3(b\xed\xa0\x80", 7 });
    host->json_key(req, CALAPI_LIT("null_string"));
    host->json_write_string(req, huge);
    host->json_end_object(req);
    return CALAPI_OK;
}

static int matches(calapi_str text, const char *literal) {
    return text.len == strlen(literal) && memcmp(text.ptr, literal, text.len) == 0;
}

/* One misuse of the response functions per case. */
static int32_t writer(calapi_req *req, void *unused) {
    calapi_str c = host->path_param(req, CALAPI_LIT("case"));
    if (matches(c, "end-without-begin")) { host->json_end_object(req); host->json_end_array(req); }
    else if (matches(c, "key-outside-object")) { host->json_key(req, CALAPI_LIT("k")); host->json_write_int(req, 1); }
    else if (matches(c, "key-in-array")) { host->json_begin_array(req); host->json_key(req, CALAPI_LIT("k")); host->json_end_array(req); }
    else if (matches(c, "two-keys")) { host->json_begin_object(req); host->json_key(req, CALAPI_LIT("a")); host->json_key(req, CALAPI_LIT("b")); host->json_write_int(req, 1); host->json_end_object(req); }
    else if (matches(c, "value-without-key")) { host->json_begin_object(req); host->json_write_int(req, 1); host->json_end_object(req); }
    else if (matches(c, "value-after-document")) { host->json_begin_object(req); host->json_end_object(req); host->json_write_null(req); }
    else if (matches(c, "mismatched-close")) { host->json_begin_array(req); host->json_end_object(req); }
    else if (matches(c, "unfinished")) { host->json_begin_object(req); host->json_key(req, CALAPI_LIT("k")); }
    else if (matches(c, "deep")) { for (int i = 0; i < 600; i++) host->json_begin_array(req); for (int i = 0; i < 600; i++) host->json_end_array(req); }
    else if (matches(c, "empty-raw")) { host->json_write_raw(req, (calapi_str){ 0, 0 }); }
    else if (matches(c, "status-0")) { host->set_status(req, 0); host->json_write_null(req); }
    else if (matches(c, "status-101")) { host->set_status(req, 101); }
    else if (matches(c, "status-max")) { host->set_status(req, 0xFFFFFFFFu); }
    else if (matches(c, "error-200")) { return host->error(req, 200, CALAPI_LIT("odd")); }
    else if (matches(c, "error-max")) { return host->error(req, 0xFFFFFFFFu, CALAPI_LIT("odd")); }
    else if (matches(c, "error-after-misuse")) { host->json_end_array(req); return host->error(req, 409, CALAPI_LIT("conflict")); }
    else if (matches(c, "nothing")) { }
    else if (matches(c, "null-req-writer")) { host->json_begin_array(0); host->json_write_int(req, 5); }
    return CALAPI_OK;
}

CALAPI_PLUGIN_MAGIC("hostile", "0.1.0")
CALAPI_EXPORT int32_t calapi_plugin_init_v1(const calapi_host_v1 *h, calapi_registrar_v1 *reg) {
    host = h;
    reg->declare_resource(reg, CALAPI_LIT("hostile"), CALAPI_METHODS_READ);
    calapi_statement_v1 s = { CALAPI_SIZE(calapi_statement_v1), 0, CALAPI_LIT("one"), CALAPI_LIT("SELECT $1::int AS seven") };
    if (reg->add_statement(reg, &s, &one) != CALAPI_OK) return CALAPI_FAIL;
    calapi_route_v1 p = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("hostile"), CALAPI_LIT("/hostile/probe"),
                          probe, 0, {0, 0}, {0, 0}, CALAPI_LIT("{}"), 0 };
    if (reg->add_route(reg, &p) != CALAPI_OK) return CALAPI_FAIL;
    calapi_route_v1 w = { CALAPI_SIZE(calapi_route_v1), CALAPI_GET, CALAPI_LIT("hostile"), CALAPI_LIT("/hostile/writer/{case}"),
                          writer, 0, {0, 0}, {0, 0}, CALAPI_LIT("{}"), 0 };
    return reg->add_route(reg, &w);
}
"""#

    private var folder: URL!
    private var server: CalapiServer!
    private var key = ""

    override func setUpWithError() throws {
        folder = try CPluginBuilder.pluginFolder()
        try CPluginBuilder.build("Hostile", HostFunctionHardeningTests.source, in: folder)
        server = try CalapiServer(databaseURL: try TestDatabase.create(),
                                  config: "plugins:\n  load: [Users, Hostile]\nresources:\n  hostile: [GET]\n  me: [GET]\n",
                                  environment: ["CALAPI_PLUGIN_DIR": folder.path])
        let db = try server.database()
        defer { db.close() }
        let id = try XCTUnwrap(try db.query("INSERT INTO users (email, username) VALUES ('h@example.com', 'h') RETURNING id", []).int64(0, 0))
        key = try APIKeyMinter.mint(userId: id, expiresAt: nil, note: nil, prefix: "cal_", connection: db)
    }

    override func tearDown() {
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryHostFunctionSurvivesHostileArguments() throws {
        let response = try server.request("GET", "/v1/hostile/probe?list=a&list=b&apiKey=\(key)")
        XCTAssertEqual(response.status, 200, response.text)
        let expected: [String: Any] = [
            "method_null": 0, "path_param_null_req": 0, "path_param_null_name": 0, "query_null_is_object": 1, "body_null": 1,
            "header_null_req": 0, "header_huge_name": 0, "auth_null": 0,
            "json_at_size_max": 1, "json_at_past_end": 1, "json_at_null": 1, "json_key_at_size_max": 0,
            "json_key_at_array_past_end": 0, "json_get_null": 1, "json_get_null_key": 1, "json_get_huge_key": 1,
            "json_len_null": 0, "json_scalars_null": 0,
            "db_null_req": 7, "db_out_set_null": 1, "db_unknown_statement": 7, "db_null_params": 7, "db_huge_count": 7,
            "db_unknown_type": 7, "db_null_out": 7, "db_error_constraint_null": 0, "db_ok": 0,
            "rows_value": 7, "rows_text_row_max": 0, "rows_text_column_max": 0, "rows_text_past_end": 0, "rows_is_null_max": 1,
            "rows_int64_max": 0, "rows_bool_max": 0, "rows_null_handle": 0, "rows_column_null": -1, "rows_column_null_name": -1,
            "alloc_size_max": 1, "alloc_2_62": 1, "alloc_null_req": 1, "alloc_small_zeroed": 1, "alloc_40_mib": 1,
            "alloc_another_40_mib": 1,
            "bad_utf8_\u{FFFD}": "a\u{FFFD}(b\u{FFFD}\u{FFFD}\u{FFFD}", "null_string": "",
        ]
        XCTAssertEqual(response.json as NSDictionary, expected as NSDictionary)
        XCTAssertEqual(response.header("X-Fine"), "ok")
        XCTAssertNil(response.header("X-Injected"))
        XCTAssertNil(response.header("Set-Cookie"))
        XCTAssertNil(response.header("X-Null"))
        let log = try server.logText()
        XCTAssertTrue(log.contains("[hostile] one line calapi error: forged"), "a plugin's log message stays one line")
        XCTAssertTrue(log.contains(#"response header "X-Injected" refused"#), log)
        XCTAssertEqual(try server.request("GET", "/v1/me?apiKey=\(key)").status, 200, "the server keeps serving")
    }

    func testWriterMisuseAndOddStatusesAnswer500WithoutBreakingTheServer() throws {
        let internalError = #"{"message":"Something went wrong"}"#
        let cases: [(String, Int, String)] = [
            ("end-without-begin", 500, internalError),
            ("key-outside-object", 500, internalError),
            ("key-in-array", 500, internalError),
            ("two-keys", 500, internalError),
            ("value-without-key", 500, internalError),
            ("value-after-document", 500, internalError),
            ("mismatched-close", 500, internalError),
            ("unfinished", 500, internalError),
            ("deep", 500, internalError),
            ("empty-raw", 500, internalError),
            ("status-0", 500, internalError),
            ("status-101", 500, internalError),
            ("status-max", 500, internalError),
            ("error-200", 500, #"{"message":"odd"}"#),
            ("error-max", 500, #"{"message":"odd"}"#),
            ("error-after-misuse", 409, #"{"message":"conflict"}"#),
            ("nothing", 200, "{}"),
            ("null-req-writer", 200, "5"),
        ]
        let client = try server.client()
        for (name, status, body) in cases {
            let response = try client.request("GET", "/v1/hostile/writer/\(name)?apiKey=\(key)")
            XCTAssertEqual(response.status, status, name)
            XCTAssertEqual(response.text, body, name)
        }
        let log = try server.logText()
        XCTAssertTrue(log.contains("answered 500 because of json_key outside an object"), log)
        XCTAssertTrue(log.contains("answered 500 because of set_status(0), outside 200-599"), log)
        XCTAssertEqual(try server.request("GET", "/v1/me?apiKey=\(key)").status, 200, "the server keeps serving")
    }
}
