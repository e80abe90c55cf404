import CLibPQ
import Glibc

/// One PostgreSQL connection over libpq, with its own cache of prepared statements.
///
/// Not thread-safe: one thread uses it at a time. Each handler thread owns one, so running a
/// statement takes no lock. Statements are fixed SQL text registered at start-up, known by an id;
/// a connection prepares each on first use and keeps it until it reconnects. Values always travel
/// as parameters.
///
/// Failure behaviour: a lost or refused connection throws `DatabaseError` of kind `.unavailable`.
/// The next call reconnects once (a fresh `PQconnectdbParams`, statements forgotten) and throws
/// `.unavailable` again at once if the server is still down: connecting gives up after
/// `connect_timeout` (2 s unless the URL says otherwise), and TCP keepalives bound a wait on a
/// server that vanished. A transaction open when the connection was lost is gone.
///
/// Bounded statements: `statementTimeout` sets PostgreSQL's `statement_timeout` on every session
/// (a new value is set before the next statement that runs outside a transaction), and while
/// `execute` waits for a statement it also watches `interrupt`, cancelling the statement (libpq's
/// cancel request, from this thread) when asked. A stopped statement throws `.cancelled`.
final class PGConnection {
    /// Set by the owner thread between statements; watched while `execute` waits.
    var interrupt: (any PGInterrupt)?
    /// PostgreSQL's `statement_timeout` for this connection's statements, in seconds; 0 leaves the
    /// server's own setting (of the role, the database or postgresql.conf).
    var statementTimeout: Double
    private let target: PGConnectionString
    /// The `statementTimeout` the open session has.
    private var sessionStatementTimeout = 0.0
    private var handle: OpaquePointer?
    /// Set when the connection was lost; the next call reconnects.
    private var broken = false
    /// For each statement id, the name it is prepared under on the current connection.
    private var preparedNames: [[CChar]?] = []
    /// When the connection last talked to the server (monotonic nanoseconds).
    private var lastUsed: UInt64 = 0
    // Parameter encoding buffers, reused from statement to statement.
    private var parameterBytes: [UInt8] = []
    private var parameterRanges: [Range<Int>?] = []
    private var parameterPointers: [UnsafePointer<CChar>?] = []

    /// Remembers `url` (a `postgresql://` URI, Prisma's form included, or libpq's key=value
    /// string); the connection is made by `connect()` or on first use.
    init(url: String, statementTimeout: Double = 0) {
        target = PGConnectionString(url)
        self.statementTimeout = statementTimeout
    }

    deinit {
        close()
    }

    /// Whether a connection is open and was not found lost (libpq's view; no round trip).
    var isConnected: Bool {
        guard let handle, !broken else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Opens a new connection (closing any current one), then sets the session's time zone to UTC,
    /// its `statement_timeout` when one is set, and, when the URL named a schema, its `search_path`.
    func connect() throws {
        close()
        let connection = try open(target.parameters())
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        do {
            var setup = "SET TimeZone = 'UTC'"
            if statementTimeout > 0 {
                setup += "; " + PGConnection.statementTimeoutSQL(statementTimeout)
            }
            if let schema = target.schema {
                setup += "; SET search_path TO " + (try escapeIdentifier(schema, on: connection))
            }
            _ = try rows(from: PQexec(connection, setup), on: connection)
            sessionStatementTimeout = statementTimeout
        } catch {
            close()
            throw error
        }
    }

    /// Runs statement `statementID` (whose text is `sql`, always the same for an id) with `params`,
    /// preparing it first if this connection has not yet.
    func execute(statementID: Int, sql: String, params: [PGParam]) throws -> PGRows {
        let connection = try usableConnection()
        let name = try preparedName(statementID, sql: sql, on: connection)
        do {
            return try run(name, params: params, on: connection)
        } catch let error as DatabaseError where error.sqlState == "26000" && PQtransactionStatus(connection) == PQTRANS_IDLE {
            // The prepared statement was dropped behind our back (DISCARD ALL, a pooler): prepare it again.
            preparedNames.removeAll()
            return try run(try preparedName(statementID, sql: sql, on: connection), params: params, on: connection)
        }
    }

    /// Runs one unprepared statement with parameters (`PQexecParams`); for start-up and command-line
    /// work (demo data, minting keys, tests), never for the request path, which uses `execute`.
    func query(_ sql: String, _ params: [PGParam]) throws -> PGRows {
        let connection = try usableConnection()
        let result = try withEncoded(params) { values in
            PQexecParams(connection, sql, Int32(params.count), nil, values, nil, nil, 0)
        }
        return try rows(from: result, on: connection)
    }

    /// Runs `sql` without preparing it or sending parameters; for start-up work (migrations) and
    /// `BEGIN`/`COMMIT`/`ROLLBACK` only. `sql` may hold several statements; the last one's result is returned.
    func simpleQuery(_ sql: String) throws -> PGRows {
        let connection = try usableConnection()
        return try rows(from: PQexec(connection, sql), on: connection)
    }

    /// `name` as a double-quoted SQL identifier, escaped by libpq. Only for names from configuration
    /// (a schema), never from a request: everything else travels as a parameter.
    func quoteIdentifier(_ name: String) throws -> String {
        try escapeIdentifier(name, on: usableConnection())
    }

    /// Closes the connection; a later call connects again.
    func close() {
        if let handle {
            PQfinish(handle)
        }
        handle = nil
        broken = false
        preparedNames.removeAll()
    }

    private func open(_ parameters: [(String, String)]) throws -> OpaquePointer {
        let keywords = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        guard let connection = PQconnectdbParams(keywords.map { UnsafePointer($0) }, values.map { UnsafePointer($0) }, 0) else {
            throw DatabaseError(kind: .unavailable, sqlState: "08001", message: "out of memory", constraint: nil)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = DatabaseError.firstLine(of: PQerrorMessage(connection))
            PQfinish(connection)
            throw DatabaseError(kind: .unavailable, sqlState: "08001", message: message, constraint: nil)
        }
        lastUsed = Self.now()
        return connection
    }

    /// The live connection, reconnecting once if it was lost (or never made), with the current
    /// `statementTimeout` (changed between transactions only: a `SET` inside one would be undone by
    /// its rollback).
    private func usableConnection() throws -> OpaquePointer {
        guard let handle, !broken, PQstatus(handle) == CONNECTION_OK, !closedWhileIdle(handle) else {
            try connect()
            return handle!
        }
        if sessionStatementTimeout != statementTimeout && PQtransactionStatus(handle) == PQTRANS_IDLE {
            _ = try rows(from: PQexec(handle, PGConnection.statementTimeoutSQL(statementTimeout)), on: handle)
            sessionStatementTimeout = statementTimeout
        }
        return handle
    }

    /// `SET statement_timeout` in milliseconds, or `RESET` (the server's own setting) for 0.
    private static func statementTimeoutSQL(_ seconds: Double) -> String {
        seconds > 0 ? "SET statement_timeout = \(max(1, Int((seconds * 1000).rounded())))" : "RESET statement_timeout"
    }

    /// Whether the server hung up while the connection sat unused (a restart, an idle timeout), so
    /// that the statement about to run need not fail for it. Looked at only after a second of
    /// idleness and outside a transaction (whose statements must not move to a new connection); a
    /// busy connection learns of a restart by failing once.
    private func closedWhileIdle(_ connection: OpaquePointer) -> Bool {
        guard Self.now() &- lastUsed > 1_000_000_000, PQtransactionStatus(connection) == PQTRANS_IDLE else { return false }
        let peerClosed = Int16(0x2000) // POLLRDHUP, which Glibc's module does not export
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN) | peerClosed, revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & (Int16(POLLHUP) | Int16(POLLERR) | peerClosed) != 0
    }

    private func preparedName(_ id: Int, sql: String, on connection: OpaquePointer) throws -> [CChar] {
        if id < preparedNames.count, let name = preparedNames[id] {
            return name
        }
        precondition(id >= 0, "statement ids are not negative")
        let name = Array("calapi_\(id)".utf8CString)
        _ = try rows(from: PQprepare(connection, name, sql, 0, nil), on: connection)
        if id >= preparedNames.count {
            preparedNames.append(contentsOf: repeatElement(nil, count: id + 1 - preparedNames.count))
        }
        preparedNames[id] = name
        return name
    }

    /// Executes a prepared statement with every parameter in text format, watching `interrupt` while it runs.
    private func run(_ name: [CChar], params: [PGParam], on connection: OpaquePointer) throws -> PGRows {
        let sent = try withEncoded(params) { values -> OpaquePointer? in
            PQsendQueryPrepared(connection, name, Int32(params.count), values, nil, nil, 0) == 1 ? connection : nil
        }
        return try rows(from: sent == nil ? nil : awaitResult(on: connection), on: connection)
    }

    /// Waits for the statement sent on `connection` and returns its result as `PQexec` would (an
    /// error result wins; nil when the connection failed). While waiting it also watches
    /// `interrupt`: when that asks to stop, a cancel request goes to the server (once), and the
    /// statement ends with SQLSTATE 57014. The cancel is sent from this thread while the statement
    /// is still ours to wait for, and libpq's `PQcancel` returns only once the server has taken the
    /// request, so it can never stop a later statement.
    private func awaitResult(on connection: OpaquePointer) -> OpaquePointer? {
        var cancelSent = false
        while PQisBusy(connection) == 1 {
            let (socketReady, interrupted, failed) = withUnsafeTemporaryAllocation(of: pollfd.self, capacity: 2) { descriptors in
                descriptors[0] = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
                // A negative descriptor is skipped by poll: without an interrupt only the socket counts.
                descriptors[1] = pollfd(fd: interrupt?.descriptor ?? -1, events: Int16(POLLIN), revents: 0)
                let ready = poll(descriptors.baseAddress, 2, -1)
                return (descriptors[0].revents != 0, descriptors[1].revents != 0, ready < 0 && errno != EINTR)
            }
            if failed { break }
            if interrupted, let interrupt, interrupt.shouldCancel(), !cancelSent {
                cancelSent = true
                sendCancel(on: connection)
            }
            if socketReady, PQconsumeInput(connection) == 0 { break }
        }
        var kept: OpaquePointer?
        while let result = PQgetResult(connection) {
            if let previous = kept, PQresultStatus(previous) == PGRES_FATAL_ERROR {
                PQclear(result)
            } else {
                if let previous = kept { PQclear(previous) }
                kept = result
            }
        }
        return kept
    }

    /// Asks the server to cancel what `connection` runs now (libpq's cancel request on its own socket).
    private func sendCancel(on connection: OpaquePointer) {
        guard let cancel = PQgetCancel(connection) else { return }
        defer { PQfreeCancel(cancel) }
        var reason = [CChar](repeating: 0, count: 256)
        if PQcancel(cancel, &reason, Int32(reason.count)) == 0 {
            Log.warning("could not cancel a statement: \(String(cString: reason))")
        }
    }

    /// Encodes parameters as NUL-terminated text in one reused buffer and hands libpq's value array to `send`.
    private func withEncoded(_ params: [PGParam], _ send: ([UnsafePointer<CChar>?]) -> OpaquePointer?) throws -> OpaquePointer? {
        parameterBytes.removeAll(keepingCapacity: true)
        parameterRanges.removeAll(keepingCapacity: true)
        for param in params {
            let start = parameterBytes.count
            switch param {
            case .null:
                parameterRanges.append(nil)
                continue
            case .text(let text):
                parameterBytes.append(contentsOf: text.utf8)
            case .bytes(let bytes):
                parameterBytes.append(contentsOf: bytes)
            }
            parameterRanges.append(start..<parameterBytes.count)
            parameterBytes.append(0)
        }
        let result = try parameterBytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            defer { parameterPointers.removeAll(keepingCapacity: true) }
            for range in parameterRanges {
                guard let range else {
                    parameterPointers.append(nil)
                    continue
                }
                let start = buffer.baseAddress! + range.lowerBound
                // Text parameters end at the first NUL, so a value holding one would arrive cut short.
                guard memchr(start, 0, range.count) == nil else {
                    throw DatabaseError(sqlState: "22021", message: "invalid byte sequence for encoding \"UTF8\": 0x00")
                }
                parameterPointers.append(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))
            }
            return send(parameterPointers)
        }
        return result
    }

    /// The result as rows, or its failure as a `DatabaseError` (marking the connection for a reconnect when it was lost).
    private func rows(from result: OpaquePointer?, on connection: OpaquePointer) throws -> PGRows {
        lastUsed = Self.now()
        guard let result else {
            broken = true
            throw DatabaseError(kind: .unavailable, sqlState: "08006", message: DatabaseError.firstLine(of: PQerrorMessage(connection)),
                                constraint: nil)
        }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return PGRows(result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            var error = failure(of: result)
            PQclear(result)
            if PQstatus(connection) != CONNECTION_OK {
                error.kind = .unavailable
                if error.sqlState.isEmpty { error.sqlState = "08006" }
            }
            broken = error.kind == .unavailable
            throw error
        default:
            // COPY and the other streaming modes leave the connection mid-protocol; calapi never starts them.
            PQclear(result)
            broken = true
            throw DatabaseError(kind: .other, sqlState: "0A000", message: "streaming results are not supported", constraint: nil)
        }
    }

    private func failure(of result: OpaquePointer) -> DatabaseError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        guard let sqlState = field("C") else {
            // Raised by libpq itself (a lost connection, a refused call): no SQLSTATE.
            return DatabaseError(kind: .other, sqlState: "", message: DatabaseError.firstLine(of: PQresultErrorMessage(result)),
                                 constraint: nil)
        }
        return DatabaseError(sqlState: sqlState, message: field("M") ?? "", constraint: field("n"))
    }

    private func escapeIdentifier(_ name: String, on connection: OpaquePointer) throws -> String {
        guard !name.utf8.contains(0), let quoted = PQescapeIdentifier(connection, name, name.utf8.count) else {
            throw DatabaseError(sqlState: "22023", message: "invalid identifier: " + DatabaseError.firstLine(of: PQerrorMessage(connection)))
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
