/// A request the server refuses by itself: the status to answer with and the message for the JSON body.
/// The connection is closed after the answer.
struct HTTPRequestError: Error, Equatable {
    let status: Int
    /// Short ASCII without quotes or backslashes: it is written into JSON as is.
    let message: String

    static let malformedRequestLine = HTTPRequestError(status: 400, message: "malformed request line")
    static let malformedHeader = HTTPRequestError(status: 400, message: "malformed header field")
    static let malformedChunk = HTTPRequestError(status: 400, message: "malformed chunked body")
    static let conflictingFraming = HTTPRequestError(status: 400, message: "both Content-Length and Transfer-Encoding are present")
    static let invalidContentLength = HTTPRequestError(status: 400, message: "invalid Content-Length")
    static let unsupportedTransferCoding = HTTPRequestError(status: 400, message: "unsupported transfer coding")
    static let missingHost = HTTPRequestError(status: 400, message: "an HTTP/1.1 request needs a Host header")
    static let duplicateHost = HTTPRequestError(status: 400, message: "more than one Host header")
    static let invalidHost = HTTPRequestError(status: 400, message: "invalid Host header")
    static let transferEncodingInHTTP10 = HTTPRequestError(status: 400, message: "Transfer-Encoding is not allowed in HTTP/1.0")
    static let headTooLarge = HTTPRequestError(status: 431, message: "request header fields too large")
    static let bodyTooLarge = HTTPRequestError(status: 413, message: "request body too large")
    static let unsupportedVersion = HTTPRequestError(status: 505, message: "HTTP version not supported")
    static let timeout = HTTPRequestError(status: 408, message: "request not received in time")
}
