/// Building the JSON responses the host answers by itself.
enum APIResponse {
    static let jsonContentType = (name: "Content-Type", value: "application/json; charset=utf-8")

    /// A JSON body with the content type set.
    static func json(_ status: Int, _ body: [UInt8], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [jsonContentType] + headers, body: body)
    }

    static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        json(status, Array(body.utf8), headers: headers)
    }

    /// Cal.com's error shape: `{"message": …}`.
    static func message(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        var writer = JSONWriter(bytes: [])
        writer.writeRaw(#"{"message":"#.utf8)
        writer.writeString(text)
        writer.writeRaw("}".utf8)
        return json(status, writer.bytes, headers: headers)
    }

    /// 503 for a database that cannot be reached; clients may retry after a second.
    static let databaseUnavailable = message(503, "The database is unavailable. Please try again shortly.",
                                             headers: [("Retry-After", "1")])
    /// 503 when every worker queue is full.
    static let overloaded = message(503, "The server is busy. Please try again shortly.", headers: [("Retry-After", "1")])
    /// 503 for a statement stopped by `database.statement_timeout`.
    static let statementTimedOut = message(503, "The request took too long and was stopped. Please try again shortly.",
                                           headers: [("Retry-After", "1")])
    /// 503 for a request stopped because its client closed the connection (read only by a client that
    /// merely shut its sending side).
    static let clientGone = message(503, "The request was stopped because its client closed the connection.",
                                    headers: [("Retry-After", "1")])
    /// 500 without internals, for a failure that is calapi's or a plugin's fault.
    static let internalError = message(500, "Something went wrong")
    static let notFound = message(404, "Not found")

    /// 405 in Cal.com's wording, with the `Allow` header.
    static func methodNotAllowed(_ allowed: MethodSet) -> HTTPResponse {
        let list = allowed.names.joined(separator: ",")
        return message(405, "Method Not Allowed (Allow: \(list))", headers: [("Allow", allowed.names.joined(separator: ", "))])
    }
}
