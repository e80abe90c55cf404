/// Serialises response heads: the status line, the handler's fields minus the ones the server owns,
/// `Content-Length`, `Connection` and `Date`.
///
/// Stateless; called on I/O threads.
enum HTTPResponseWriter {
    /// The interim response sent before reading the body of an `Expect: 100-continue` request.
    static let continueHead: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// The head for `response`, and whether its body bytes follow it on the wire.
    ///
    /// - Parameters:
    ///   - answeringHead: the request was HEAD: the head describes the body, which is not sent.
    ///   - closing: the connection closes after this response (`Connection: close` is written).
    ///   - http10KeepAlive: an HTTP/1.0 client asked to keep the connection (`Connection: keep-alive` is written).
    static func head(for response: HTTPResponse, answeringHead: Bool, closing: Bool, http10KeepAlive: Bool,
                     date: inout HTTPDate) -> (bytes: [UInt8], sendsBody: Bool) {
        // A handler cannot send an interim or malformed status as the final answer.
        let status = (200...999).contains(response.status) ? response.status : 500
        let hasBody = status != 204 && status != 304
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + response.headers.count * 48)
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: HTTPStatus.reasonPhrase(status).utf8)
        bytes.append(contentsOf: "\r\n".utf8)

        var hasDate = false
        for field in response.headers where isWritable(field) {
            if isFraming(field.name) { continue }
            if HTTPHeaders.namesMatch(field.name, "date") { hasDate = true }
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: field.value.utf8)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        if hasBody {
            bytes.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &bytes)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        if closing {
            bytes.append(contentsOf: "Connection: close\r\n".utf8)
        } else if http10KeepAlive {
            bytes.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        if !hasDate {
            bytes.append(contentsOf: date.headerLine())
        }
        bytes.append(contentsOf: "\r\n".utf8)
        return (bytes, hasBody && !answeringHead && !response.body.isEmpty)
    }

    /// True when the handler's fields include `Connection: close`.
    static func asksToClose(_ response: HTTPResponse) -> Bool {
        response.headers.contains { field in
            HTTPHeaders.namesMatch(field.name, "connection") && field.value.split(separator: ",").contains { element in
                let words = element.split(whereSeparator: { $0 == " " || $0 == "\t" })
                return words.count == 1 && HTTPHeaders.namesMatch(String(words[0]), "close")
            }
        }
    }

    /// The server's own refusal: `{"message":"..."}` as JSON.
    static func errorResponse(_ error: HTTPRequestError) -> HTTPResponse {
        HTTPResponse(status: error.status, headers: [(name: "Content-Type", value: "application/json")],
                     body: Array("{\"message\":\"\(error.message)\"}".utf8))
    }

    /// Fields the server computes itself; the handler's versions are dropped.
    private static func isFraming(_ name: String) -> Bool {
        HTTPHeaders.namesMatch(name, "content-length") || HTTPHeaders.namesMatch(name, "transfer-encoding")
            || HTTPHeaders.namesMatch(name, "connection")
    }

    /// A field is written only if its name is a token and its value holds no CR, LF or NUL, so a handler
    /// echoing client input cannot split the response.
    /// A field name that is a token and a value without CR, LF or NUL: nothing that could end the
    /// line early and inject a header or a response.
    static func isWritable(_ field: (name: String, value: String)) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(HTTPRequestHead.isTokenByte)
            && !field.value.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: max(0, value)))
            return
        }
        appendDecimal(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }
}
