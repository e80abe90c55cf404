/// The one C handler and the one C access check of every route: the route's `user_data` is its
/// index here (plus one, so it is never NULL). Filled at init on the main thread, read-only after.
enum Trampolines {
    private static var handlers: [(OpaquePointer) -> Int32] = []
    private static var checks: [(OpaquePointer) -> Int32] = []

    static let handler: calapi_handler = { req, data in handlers[Int(bitPattern: data) - 1](req) }
    static let authorize: calapi_handler = { req, data in checks[Int(bitPattern: data) - 1](req) }

    /// Keeps `route`'s handler and check, typed, behind one index, which it returns.
    static func add<S>(_ route: Route<S>, _ statements: StatementTable<S>) -> Int {
        let idName = route.id?.name
        let handler = route.handler
        let access = route.access
        handlers.append { raw in
            let request = Request(raw: raw, statements: statements, idName: idName)
            return outcome(raw) { try handler(request).write(ResponseWriter(raw: raw)) }
        }
        checks.append { raw in
            let request = Request(raw: raw, statements: statements, idName: idName)
            return outcome(raw) { try access?.check(request) }
        }
        return handlers.count - 1
    }

    /// CALAPI_OK once `body` answered or threw an `HTTPError` (written here); CALAPI_FAIL for
    /// anything else thrown (a `DatabaseFailure`), which the host answers (503, a fixed 4xx, 500).
    private static func outcome(_ raw: OpaquePointer, _ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return CALAPI_OK
        } catch let error as HTTPError {
            error.answer(raw)
            return CALAPI_OK
        } catch {
            return CALAPI_FAIL
        }
    }
}
