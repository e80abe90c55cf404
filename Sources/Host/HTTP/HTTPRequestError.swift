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
    static let headTooLarge = HTTPRequestError(status: 431, message: "request header fields too large")
    static let bodyTooLarge = HTTPRequestError(status: 413, message: "request body too large")
    static let unsupportedVersion = HTTPRequestError(status: 505, message: "HTTP version not supported")
    static let timeout = HTTPRequestError(status: 408, message: "request not received in time")
}
