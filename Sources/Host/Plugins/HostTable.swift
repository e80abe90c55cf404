import CalapiPluginAPI
import Glibc

/// The `calapi_host_v1` function table every plugin receives at init. Each entry is a C function
/// that finds its `RequestContext` from the handle; none keeps state of its own, so they are safe
/// to call from any number of worker threads, each on its own request.
enum HostTable {
    /// Built once; plugins keep the pointer for the life of the process.
    static let shared: UnsafeMutablePointer<calapi_host_v1> = {
        let table = UnsafeMutablePointer<calapi_host_v1>.allocate(capacity: 1)
        table.initialize(to: make())
        return table
    }()

    fileprivate static func node(_ pointer: OpaquePointer?) -> JSONTape.Node? {
        pointer.map { UnsafePointer<JSONTape.Node>($0).pointee }
    }

    fileprivate static func rows(_ pointer: OpaquePointer) -> PGRows {
        Unmanaged<PGRows>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }

    private static func make() -> calapi_host_v1 {
        calapi_host_v1(
            struct_size: UInt32(MemoryLayout<calapi_host_v1>.size),
            abi_major: UInt16(CALAPI_ABI_MAJOR),
            abi_minor: UInt16(CALAPI_ABI_MINOR),
            log: { req, level, message in
                let context = req.map(RequestContext.from)
                Log.plugin(context?.route.pluginName ?? "plugin", level: level, message.string)
            },
            method: { req in RequestContext.from(req).method.rawValue },
            path_param: { req, name in
                RequestContext.from(req).pathParameters.first { name.equals($0.name) }?.value ?? .empty
            },
            query: { req in OpaquePointer(RequestContext.from(req).queryRoot!) },
            body: { req in RequestContext.from(req).bodyRoot.map(OpaquePointer.init) },
            header: { req, name in
                let context = RequestContext.from(req)
                guard let value = context.headers[name.string] else { return .empty }
                return context.arena.string(value)
            },
            auth_user_id: { req in RequestContext.from(req).principal.userId },
            auth_is_admin: { req in RequestContext.from(req).principal.isAdmin ? 1 : 0 },
            json_type: { HostTable.node($0)?.type ?? CALAPI_JSON_NULL },
            json_get: { object, key in
                guard let value = HostTable.node(object), value.type == CALAPI_JSON_OBJECT, let children = value.children else { return nil }
                // Parsing kept the last of duplicate keys, so the first match is the only one.
                for index in 0..<Int(value.count) where children[index].key.bytes.elementsEqual(key.bytes) {
                    return OpaquePointer(children + index)
                }
                return nil
            },
            json_len: { pointer in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_ARRAY || value.type == CALAPI_JSON_OBJECT else { return 0 }
                return Int(value.count)
            },
            json_at: { pointer, index in
                guard let value = HostTable.node(pointer), index < Int(value.count), let children = value.children else { return nil }
                return OpaquePointer(children + index)
            },
            json_key_at: { pointer, index in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_OBJECT, index < Int(value.count),
                    let children = value.children else { return .empty }
                return children[index].key
            },
            json_int: { pointer in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_INT || value.type == CALAPI_JSON_DOUBLE else { return 0 }
                return value.int
            },
            json_double: { pointer in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_INT || value.type == CALAPI_JSON_DOUBLE else { return 0 }
                return value.double
            },
            json_bool: { pointer in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_BOOL else { return 0 }
                return value.int != 0 ? 1 : 0
            },
            json_string: { pointer in
                guard let value = HostTable.node(pointer), value.type == CALAPI_JSON_STRING else { return .empty }
                return value.string
            },
            db_exec: { req, statement, count, params, out in
                out.pointee = nil
                return DatabaseCalls.execute(RequestContext.from(req), statement: Int(statement),
                                             params: UnsafeBufferPointer(start: params, count: Int(count)), out: out)
            },
            db_error_constraint: { req in
                let context = RequestContext.from(req)
                guard let error = context.lastDatabaseError else { return .empty }
                return context.arena.string(error.constraint ?? error.sqlState)
            },
            rows_count: { HostTable.rows($0).count },
            rows_columns: { HostTable.rows($0).columns },
            rows_column: { pointer, name in Int32(HostTable.rows(pointer).columnIndex(name.string) ?? -1) },
            rows_is_null: { pointer, row, column in
                let result = HostTable.rows(pointer)
                guard row < result.count, column < result.columns else { return 1 }
                return result.isNull(row, column) ? 1 : 0
            },
            rows_text: { pointer, row, column in
                let result = HostTable.rows(pointer)
                guard row < result.count, column < result.columns else { return .empty }
                let text = result.text(row, column)
                return calapi_str(ptr: text.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, len: text.count)
            },
            rows_int64: { pointer, row, column in
                let result = HostTable.rows(pointer)
                guard row < result.count, column < result.columns else { return 0 }
                return result.int64(row, column) ?? 0
            },
            rows_bool: { pointer, row, column in
                let result = HostTable.rows(pointer)
                guard row < result.count, column < result.columns else { return 0 }
                return result.bool(row, column) == true ? 1 : 0
            },
            rows_affected: { HostTable.rows($0).affected },
            set_status: { req, status in
                RequestContext.from(req).status = (100...599).contains(status) ? status : 500
            },
            set_header: { req, name, value in
                RequestContext.from(req).responseHeaders.append((name.string, value.string))
            },
            json_begin_object: { RequestContext.from($0).body.beginObject() },
            json_end_object: { RequestContext.from($0).body.endObject() },
            json_begin_array: { RequestContext.from($0).body.beginArray() },
            json_end_array: { RequestContext.from($0).body.endArray() },
            json_key: { req, key in RequestContext.from(req).body.key(key.bytes) },
            json_write_string: { req, value in RequestContext.from(req).body.string(value.bytes) },
            json_write_int: { req, value in RequestContext.from(req).body.int(value) },
            json_write_double: { req, value in RequestContext.from(req).body.double(value) },
            json_write_bool: { req, value in RequestContext.from(req).body.bool(value != 0) },
            json_write_null: { RequestContext.from($0).body.null() },
            json_write_raw: { req, json in RequestContext.from(req).body.raw(json.bytes) },
            error: { req, status, message in
                RequestContext.from(req).fail(status: (400...599).contains(status) ? status : 500, message: message.string)
                return CALAPI_OK
            },
            req_alloc: { req, size in RequestContext.from(req).arena.allocate(size) },
            limit: { name in PluginLimits.installed.value(named: name.string) }
        )
    }
}
