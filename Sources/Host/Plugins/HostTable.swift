import CalapiPluginAPI
import Glibc

/// The `calapi_host_v1` function table every plugin receives at init. Each entry is a C function
/// that finds its `RequestContext` from the handle; none keeps state of its own, so they are safe
/// to call from any number of worker threads, each on its own request.
///
/// Every entry checks its arguments and never traps: a NULL request, rows or JSON handle, an index
/// out of range (a `size_t` of 2^63 or more arrives here as a negative `Int`), a NULL string with a
/// length, an unknown parameter type or statement id, a huge allocation, a status out of range or a
/// header that could inject lines each get a neutral answer (NULL, empty, 0) or an error code, as
/// the header documents. What cannot be checked is a pointer that is not NULL but not the host's
/// either (a freed handle, a string shorter than its `len`).
enum HostTable {
    /// Built once; plugins keep the pointer for the life of the process.
    static let shared: UnsafeMutablePointer<calapi_host_v1> = {
        let table = UnsafeMutablePointer<calapi_host_v1>.allocate(capacity: 1)
        table.initialize(to: make())
        return table
    }()

    /// What `query` answers for a NULL request: an empty object (the header promises a node).
    private static let emptyObject: UnsafeMutablePointer<JSONTape.Node> = {
        let node = UnsafeMutablePointer<JSONTape.Node>.allocate(capacity: 1)
        node.initialize(to: JSONTape.Node(type: CALAPI_JSON_OBJECT))
        return node
    }()

    fileprivate static func context(_ req: OpaquePointer?) -> RequestContext? {
        req.map(RequestContext.from)
    }

    fileprivate static func node(_ pointer: OpaquePointer?) -> JSONTape.Node? {
        pointer.map { UnsafePointer<JSONTape.Node>($0).pointee }
    }

    /// The `index`-th child of an array or object (objects only when `inObject`), nil when out of range.
    fileprivate static func child(_ pointer: OpaquePointer?, _ index: Int, inObject: Bool) -> UnsafeMutablePointer<JSONTape.Node>? {
        guard let value = node(pointer), value.type == CALAPI_JSON_OBJECT || (!inObject && value.type == CALAPI_JSON_ARRAY),
              index >= 0, index < Int(value.count), let children = value.children else { return nil }
        return children + index
    }

    fileprivate static func rows(_ pointer: OpaquePointer?) -> PGRows? {
        pointer.map { Unmanaged<PGRows>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
    }

    /// The rows behind `pointer` when `row` and `column` are inside them.
    fileprivate static func cell(_ pointer: OpaquePointer?, _ row: Int, _ column: Int) -> PGRows? {
        guard let result = rows(pointer), result.contains(row: row, column: column) else { return nil }
        return result
    }

    private static func make() -> calapi_host_v1 {
        calapi_host_v1(
            struct_size: UInt32(MemoryLayout<calapi_host_v1>.size),
            abi_major: UInt16(CALAPI_ABI_MAJOR),
            abi_minor: UInt16(CALAPI_ABI_MINOR),
            log: { req, level, message in
                Log.plugin(HostTable.context(req)?.route.pluginName ?? "plugin", level: level, message.string)
            },
            method: { req in HostTable.context(req)?.method.rawValue ?? 0 },
            path_param: { req, name in
                HostTable.context(req)?.pathParameters.first { name.equals($0.name) }?.value ?? .empty
            },
            query: { req in OpaquePointer(HostTable.context(req)?.queryRoot ?? HostTable.emptyObject) },
            body: { req in HostTable.context(req)?.bodyRoot.map(OpaquePointer.init) },
            header: { req, name in
                guard let context = HostTable.context(req), let value = context.headers[name.string] else { return .empty }
                return context.arena.string(value)
            },
            auth_user_id: { req in HostTable.context(req)?.principal.userId ?? 0 },
            auth_is_admin: { req in HostTable.context(req)?.principal.isAdmin == true ? 1 : 0 },
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
            json_at: { pointer, index in HostTable.child(pointer, index, inObject: false).map(OpaquePointer.init) },
            json_key_at: { pointer, index in HostTable.child(pointer, index, inObject: true)?.pointee.key ?? .empty },
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
                out?.pointee = nil
                guard let context = HostTable.context(req) else { return CALAPI_DB_ERROR }
                guard let out else { return DatabaseCalls.refuse(context, "called db_exec with a NULL out pointer") }
                guard count == 0 || params != nil else { return DatabaseCalls.refuse(context, "called db_exec with \(count) parameters and a NULL array") }
                return DatabaseCalls.execute(context, statement: Int(statement),
                                             params: UnsafeBufferPointer(start: params, count: Int(count)), out: out)
            },
            db_error_constraint: { req in
                guard let context = HostTable.context(req), let error = context.lastDatabaseError else { return .empty }
                return context.arena.string(error.constraint ?? error.sqlState)
            },
            rows_count: { HostTable.rows($0)?.count ?? 0 },
            rows_columns: { HostTable.rows($0)?.columns ?? 0 },
            rows_column: { pointer, name in Int32(HostTable.rows(pointer)?.columnIndex(name.string) ?? -1) },
            rows_is_null: { pointer, row, column in
                guard let result = HostTable.cell(pointer, row, column) else { return 1 }
                return result.isNull(row, column) ? 1 : 0
            },
            rows_text: { pointer, row, column in
                guard let result = HostTable.cell(pointer, row, column) else { return .empty }
                let text = result.text(row, column)
                return calapi_str(ptr: text.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, len: text.count)
            },
            rows_int64: { pointer, row, column in
                HostTable.cell(pointer, row, column)?.int64(row, column) ?? 0
            },
            rows_bool: { pointer, row, column in
                HostTable.cell(pointer, row, column)?.bool(row, column) == true ? 1 : 0
            },
            rows_affected: { HostTable.rows($0)?.affected ?? 0 },
            set_status: { req, status in
                guard let context = HostTable.context(req) else { return }
                if (200...599).contains(status) {
                    context.status = status
                } else {
                    context.status = 500
                    if context.misuse == nil { context.misuse = "set_status(\(status)), outside 200-599" }
                }
            },
            set_header: { req, name, value in
                guard let context = HostTable.context(req) else { return }
                let field = (name: name.string, value: value.string)
                guard HTTPResponseWriter.isWritable(field), context.responseHeaders.count < RequestContext.maxResponseHeaders else {
                    if !context.refusedHeaderLogged {
                        context.refusedHeaderLogged = true
                        Log.warning("plugin \"\(context.route.pluginName)\": response header \(field.name.debugDescription) refused "
                                    + "(not a token name, a value with CR, LF or NUL, or more than \(RequestContext.maxResponseHeaders) headers)")
                    }
                    return
                }
                context.responseHeaders.append(field)
            },
            json_begin_object: { HostTable.context($0)?.body.beginObject() },
            json_end_object: { HostTable.context($0)?.body.endObject() },
            json_begin_array: { HostTable.context($0)?.body.beginArray() },
            json_end_array: { HostTable.context($0)?.body.endArray() },
            json_key: { req, key in
                guard let context = HostTable.context(req) else { return }
                key.withValidUTF8 { context.body.key($0) }
            },
            json_write_string: { req, value in
                guard let context = HostTable.context(req) else { return }
                value.withValidUTF8 { context.body.string($0) }
            },
            json_write_int: { req, value in HostTable.context(req)?.body.int(value) },
            json_write_double: { req, value in HostTable.context(req)?.body.double(value) },
            json_write_bool: { req, value in HostTable.context(req)?.body.bool(value != 0) },
            json_write_null: { HostTable.context($0)?.body.null() },
            json_write_raw: { req, json in
                guard let context = HostTable.context(req) else { return }
                json.withValidUTF8 { context.body.raw($0) }
            },
            error: { req, status, message in
                HostTable.context(req)?.fail(status: (400...599).contains(status) ? status : 500, message: message.string)
                return CALAPI_OK
            },
            req_alloc: { req, size in HostTable.context(req)?.pluginAllocate(size) },
            limit: { name in PluginLimits.installed.value(named: name.string) }
        )
    }
}
