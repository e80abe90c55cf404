import CalapiPluginAPI

/// What a worker does with one job, in Cal.com's middleware order: authenticate the API key, count
/// the request against its user's rate limit (429 past it), pick the method's route (405
/// otherwise), read the path parameters by the route's query schema, run the route's authorize
/// hook, validate query and body against the route's schemas, then call the plugin's handler,
/// inside a transaction for writing methods. One instance serves every worker, each passing its own
/// connection; it holds the process's key cache, which a request that changed a user empties before
/// it is answered.
final class RequestProcessor {
    private let authenticator: APIKeyAuthenticator
    private let statements: StatementCatalog
    private let keyCache: AuthCache
    private let maxBodyDepth = 64

    /// Counts each authenticated request against its user's limit (`rate_limit:`).
    private let rateLimiter: RateLimiter
    private let metrics: MetricsRegistry

    init(authenticator: APIKeyAuthenticator, statements: StatementCatalog, keyCache: AuthCache, rateLimiter: RateLimiter,
         metrics: MetricsRegistry) {
        self.authenticator = authenticator
        self.statements = statements
        self.keyCache = keyCache
        self.rateLimiter = rateLimiter
        self.metrics = metrics
    }

    /// Answers one job with the worker's own connection.
    func process(_ job: Job, connection: PGConnection) -> HTTPResponse {
        let request = job.request
        let pairs: [(key: String, value: String)]
        do {
            pairs = try QueryString.pairs(request.query, limit: job.settings.maxQueryParameters)
        } catch {
            return APIResponse.message(400, error.message)
        }
        let principal: Principal
        do {
            let key = APIKeyAuthenticator.presentedKey(queryPairs: pairs, headers: request.headers)
            switch try authenticator.authenticate(key: key, connection: connection, cache: keyCache) {
            case .authenticated(let who): principal = who
            case .refused(let status, let body): return APIResponse.json(status, body)
            }
        } catch let error as DatabaseError where error.kind == .unavailable || error.kind == .cancelled {
            metrics.local.recordDatabaseError(error.kind)
            return error.kind == .unavailable ? APIResponse.databaseUnavailable : stoppedAnswer(job.sink.cancellation)
        } catch {
            if let error = error as? DatabaseError { metrics.local.recordDatabaseError(error.kind) }
            Log.error("API key lookup failed: \(error)")
            return APIResponse.internalError
        }
        job.trace.userId = principal.userId

        // Cal.com's order: the key, then its user's rate limit, then everything else. Every answer
        // from here on carries the limit's headers.
        let limit = rateLimit(principal, job.trace.settings.rateLimit, connection)
        if let limit, !limit.allowed {
            metrics.local.recordRateLimited()
            return limit.refusal
        }
        var response = serve(job, pairs: pairs, principal: principal, connection: connection)
        if let limit { response.headers += limit.headers }
        return response
    }

    /// Counts the request against its user's limit; nil when limits are off, or when the shared count
    /// failed (the request goes on: the limit must not turn a database hiccup into refusals).
    private func rateLimit(_ principal: Principal, _ settings: RateLimitSettings, _ connection: PGConnection) -> RateLimitDecision? {
        do {
            return try rateLimiter.decide(user: principal.userId, settings: settings, connection: connection)
        } catch {
            if let error = error as? DatabaseError { metrics.local.recordDatabaseError(error.kind) }
            return nil
        }
    }

    /// Everything after authentication: method, path parameters, authorize hook, validation, handler.
    private func serve(_ job: Job, pairs: [(key: String, value: String)], principal: Principal, connection: PGConnection) -> HTTPResponse {
        let request = job.request
        let method = RequestProcessor.methodSet(request.method)
        guard let method, let route = job.entry.route(for: method) else {
            return APIResponse.methodNotAllowed(job.entry.allowed)
        }
        job.trace.resource = route.resource

        // Ids are read once, by the route's own rule, before any plugin code sees them: the
        // authorize hook and the handler get the same values (as Cal.com's `[id]` middlewares
        // parsed the id first). A path parameter its schema refuses ends the request here.
        let path = route.readPathParameters(job.pathValues)
        guard path.issues.isEmpty else { return APIResponse.message(400, path.issues.zodMessage) }
        var query = QueryString.object(pairs, excluding: ["apiKey", "version"])
        for (name, value) in path.values { query[name] = value }
        var queryValue = JSONValue.object(query)
        let context = RequestContext(route: route, method: method, principal: principal, headers: request.headers,
                                     pathValues: job.pathValues, connection: connection, statements: statements,
                                     cancellation: job.sink.cancellation)
        if let authorize = route.authorize {
            context.queryRoot = JSONTape.build(queryValue, in: context.arena)
            guard context.queryRoot != nil else { return APIResponse.internalError }
            let result = authorize(context.handle, route.userData)
            guard result == CALAPI_OK else { return failure(route, context) }
            if context.status != 200 || context.answerProblem != nil { return response(route, context) }
        }

        if let schema = route.querySchema {
            let outcome = schema.validate(queryValue, coerceStrings: true)
            guard outcome.issues.isEmpty else { return APIResponse.message(400, outcome.issues.zodMessage) }
            queryValue = outcome.value ?? queryValue
        }

        var bodyValue: JSONValue?
        if let schema = route.bodySchema {
            if !request.body.isEmpty {
                do { bodyValue = try JSONParser.parse(request.body, maxDepth: maxBodyDepth) } catch let error as JSONParseError {
                    return APIResponse.message(400, "Invalid JSON body: \(error.message)")
                } catch {
                    return APIResponse.message(400, "Invalid JSON body")
                }
            }
            let outcome = schema.validate(bodyValue)
            guard outcome.issues.isEmpty else { return APIResponse.message(400, outcome.issues.zodMessage) }
            bodyValue = outcome.value
        }

        context.queryRoot = JSONTape.build(queryValue, in: context.arena)
        if let bodyValue { context.bodyRoot = JSONTape.build(bodyValue, in: context.arena) }
        guard context.queryRoot != nil, bodyValue == nil || context.bodyRoot != nil else { return APIResponse.internalError }
        return run(route, context, transactional: method.writes)
    }

    /// Calls the handler and turns the context into a response; commits or rolls back writes.
    private func run(_ route: Route, _ context: RequestContext, transactional: Bool) -> HTTPResponse {
        if transactional {
            do { _ = try context.connection.simpleQuery("BEGIN") } catch let error as DatabaseError {
                metrics.local.recordDatabaseError(error.kind)
                return error.kind == .unavailable ? APIResponse.databaseUnavailable : APIResponse.internalError
            } catch { return APIResponse.internalError }
        }
        let result = route.handler(context.handle, route.userData)
        let succeeded = result == CALAPI_OK && context.answerProblem == nil && (200..<300).contains(context.status)
        if transactional {
            do {
                _ = try context.connection.simpleQuery(succeeded ? "COMMIT" : "ROLLBACK")
            } catch let error as DatabaseError {
                metrics.local.recordDatabaseError(error.kind)
                Log.error("\(succeeded ? "COMMIT" : "ROLLBACK") failed: \(error.message)")
                if succeeded { return error.kind == .unavailable ? APIResponse.databaseUnavailable : APIResponse.internalError }
            } catch {
                if succeeded { return APIResponse.internalError }
            }
        }
        // After the commit (a lookup that starts later sees the change), before the answer.
        if context.changedPrincipals { keyCache.invalidateAll() }
        guard result == CALAPI_OK else { return failure(route, context) }
        return response(route, context)
    }

    /// The handler's own answer, or 500 when the plugin misused the response functions.
    private func response(_ route: Route, _ context: RequestContext) -> HTTPResponse {
        if let problem = context.answerProblem {
            Log.error("\(route.pluginName): \(route.method.names[0]) \(route.template): answered 500 because of \(problem)")
            return APIResponse.internalError
        }
        let body = context.body.isEmpty ? Array("{}".utf8) : context.body.bytes
        return APIResponse.json(Int(context.status), body, headers: context.responseHeaders)
    }

    /// The host's answer for a handler that gave up: 503 when the database is the reason, a 4xx
    /// when the database refused the client's data (so bad input never ends as a 500), else 500.
    /// Messages are fixed: PostgreSQL's own text (which can quote values, names and internals)
    /// goes to the log only.
    private func failure(_ route: Route, _ context: RequestContext) -> HTTPResponse {
        let operation = "\(route.pluginName): \(route.method.names[0]) \(route.template)"
        if let error = context.lastDatabaseError {
            metrics.local.recordDatabaseError(error.kind)
            if error.kind == .cancelled { return stoppedAnswer(context.cancellation) }
            if let answer = RequestProcessor.answer(for: error.kind) {
                if error.kind != .unavailable { Log.info("\(operation) refused by the database: \(error)") }
                return answer
            }
        }
        Log.error("\(operation): handler failed")
        return APIResponse.internalError
    }

    /// The fixed answer for a database failure the client caused or must wait out; nil for a fault of calapi's.
    static func answer(for kind: DatabaseError.Kind) -> HTTPResponse? {
        switch kind {
        case .unavailable: return APIResponse.databaseUnavailable
        case .invalidInput: return APIResponse.message(400, "Invalid input: a value is malformed or out of range for its field")
        case .notNullViolation: return APIResponse.message(400, "A required value is missing")
        case .checkViolation: return APIResponse.message(400, "A value is not allowed here")
        case .uniqueViolation: return APIResponse.message(409, "A record with these values already exists")
        case .foreignKeyViolation: return APIResponse.message(409, "The request conflicts with related records")
        case .cancelled: return APIResponse.statementTimedOut
        case .other: return nil
        }
    }

    /// The answer for a stopped statement: the client left, or else the statement timed out.
    private func stoppedAnswer(_ cancellation: RequestCancellation) -> HTTPResponse {
        cancellation.isCancelled ? APIResponse.clientGone : APIResponse.statementTimedOut
    }

    static func methodSet(_ method: HTTPMethod) -> MethodSet? {
        switch method {
        case .get, .head: return .get
        case .post: return .post
        case .patch: return .patch
        case .delete: return .delete
        case .put: return .put
        default: return nil
        }
    }
}
