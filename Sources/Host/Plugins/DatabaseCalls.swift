import CalapiPluginAPI

/// The host side of `db_exec`: turns C parameters into text parameters, runs the plugin's own
/// registered statement on the worker's connection, and classifies failures for the plugin.
enum DatabaseCalls {
    /// PostgreSQL's own limit on the parameters of one statement.
    static let maxParameters = 65535

    static func execute(_ context: RequestContext, statement id: Int, params: UnsafeBufferPointer<calapi_value>,
                        out: UnsafeMutablePointer<OpaquePointer?>) -> Int32 {
        guard let statement = context.statements[id], statement.owner == context.route.pluginName else {
            return refuse(context, "ran statement \(id), which is not its own")
        }
        // A request whose statement was stopped, or whose client left, runs nothing more.
        if let stopped = context.stoppedCode() { return stopped }
        guard params.count <= maxParameters else { return refuse(context, "passed \(params.count) parameters to \"\(statement.name)\"") }
        var values: [PGParam] = []
        values.reserveCapacity(params.count)
        for (position, param) in params.enumerated() {
            guard let value = parameter(for: param) else {
                return refuse(context, "passed parameter $\(position + 1) of \"\(statement.name)\" with unknown type \(param.type)")
            }
            values.append(value)
        }
        do {
            let rows = try context.connection.execute(statementID: statement.id, sql: statement.sql, params: values)
            if statement.changesPrincipals { context.changedPrincipals = true }
            context.rows.append(rows)
            out.pointee = OpaquePointer(Unmanaged.passUnretained(rows).toOpaque())
            return CALAPI_DB_OK
        } catch let error as DatabaseError {
            context.lastDatabaseError = error
            if error.kind == .cancelled {
                Log.warning("statement \"\(statement.name)\" of plugin \"\(statement.owner)\" stopped: \(error.message)")
            }
            if error.kind == .other || error.kind == .unavailable {
                Log.error("statement \"\(statement.name)\" of plugin \"\(statement.owner)\" failed: \(error.message)")
            }
            return code(for: error.kind)
        } catch {
            context.lastDatabaseError = DatabaseError(kind: .other, sqlState: "", message: "\(error)", constraint: nil)
            return CALAPI_DB_ERROR
        }
    }

    /// Answers a call the plugin got wrong with CALAPI_DB_ERROR (the host's 500 if the handler gives
    /// up), logs it, and runs nothing.
    static func refuse(_ context: RequestContext, _ what: String) -> Int32 {
        Log.error("plugin \"\(context.route.pluginName)\" \(what)")
        context.lastDatabaseError = DatabaseError(kind: .other, sqlState: "", message: what, constraint: nil)
        return CALAPI_DB_ERROR
    }

    static func code(for kind: DatabaseError.Kind) -> Int32 {
        switch kind {
        case .unavailable, .cancelled: return CALAPI_DB_UNAVAILABLE
        case .uniqueViolation: return CALAPI_DB_UNIQUE
        case .foreignKeyViolation: return CALAPI_DB_FOREIGN_KEY
        case .notNullViolation: return CALAPI_DB_NOT_NULL
        case .checkViolation: return CALAPI_DB_CHECK
        case .invalidInput: return CALAPI_DB_INVALID_INPUT
        case .other: return CALAPI_DB_ERROR
        }
    }

    /// The text PostgreSQL receives for one parameter; nil for a type the header does not define.
    private static func parameter(for value: calapi_value) -> PGParam? {
        switch value.type {
        case CALAPI_PARAM_TEXT: return .bytes(Array(value.s.bytes))
        case CALAPI_PARAM_INT: return .text(String(value.i))
        case CALAPI_PARAM_BOOL: return .text(value.i != 0 ? "true" : "false")
        case CALAPI_PARAM_DOUBLE: return .text(value.d.isFinite ? "\(value.d)" : "NaN")
        case CALAPI_PARAM_JSON:
            guard let node = value.node else { return .null }
            var writer = JSONWriter(bytes: [])
            JSONTape.write(UnsafePointer<JSONTape.Node>(node), into: &writer)
            return .bytes(writer.bytes)
        case CALAPI_PARAM_NODE:
            guard let node = value.node else { return .null }
            let pointer = UnsafePointer<JSONTape.Node>(node)
            switch pointer.pointee.type {
            case CALAPI_JSON_NULL: return .null
            case CALAPI_JSON_STRING: return .bytes(Array(pointer.pointee.string.bytes))
            default:
                var writer = JSONWriter(bytes: [])
                JSONTape.write(pointer, into: &writer)
                return .bytes(writer.bytes)
            }
        case CALAPI_PARAM_NULL: return .null
        default: return nil
        }
    }
}
