/// Turns the bytes of one connection, arriving in pieces of any size, into requests.
///
/// Feed it with `consume(_:)` until it reports an event. The head is collected (at most `maxHeaderBytes`)
/// and parsed once complete; the body is copied as it arrives (at most `maxBodyBytes`), de-chunked on the
/// way. After a request it starts over on the next bytes; after a failure it only repeats the failure.
///
/// Not thread-safe: owned by one connection on its I/O thread.
struct HTTPRequestParser {
    /// What `consume(_:)` found.
    enum Event {
        /// Every byte given was used; the request is not complete yet.
        case needMore
        /// The head asks for `100 Continue` and no body byte has arrived yet; call again with the rest.
        case expectContinue
        /// A complete request; bytes after it were not consumed.
        case request(HTTPRequest, isHTTP10: Bool)
        /// The request is refused; the connection must answer with the error and close.
        case failure(HTTPRequestError)
    }

    private enum State: Equatable {
        case head
        /// Copying body bytes: the whole body, or the current chunk's data when `isChunked`.
        case body
        case chunkFraming(ChunkFraming)
        case failed(HTTPRequestError)
    }

    /// Where the chunked decoder is between data runs: in a size line, after data, or in the trailer section.
    private enum ChunkFraming: Equatable {
        case size, sizeExtension, sizeLF, dataCR, dataLF, trailer, trailerLF
    }

    private enum RequestLineProgress: Equatable {
        /// Token characters until the first space.
        case method
        /// Target and version, checked once the line ends.
        case rest
        /// The line was complete and plausible; header fields follow.
        case done
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    let maxHeaderBytes: Int
    let maxBodyBytes: Int
    private var state = State.head
    /// The head's bytes so far, from the request line on.
    private var head: [UInt8] = []
    /// Bytes counted against `maxHeaderBytes`: the head plus skipped leading line breaks.
    private var headBytes = 0
    /// Bytes in the current head or trailer line, line break excluded.
    private var lineLength = 0
    /// Where the head's first line stands: checked as it arrives, so that input that is plainly not
    /// HTTP/1 (a TLS handshake, an HTTP/0.9 line, a method with characters no token has) is refused
    /// at once instead of after the header timeout.
    private var requestLine = RequestLineProgress.method
    private var afterCR = false
    /// Bytes of the current chunk-size line, or of the whole trailer section, counted against `maxHeaderBytes`.
    private var framingBytes = 0
    /// The request whose body is arriving; its `body` grows as bytes come.
    private var request = HTTPRequest(method: .get, path: "/", query: "", headers: HTTPHeaders(), body: [], keepAlive: true)
    private var isHTTP10 = false
    private var isChunked = false
    /// Body bytes still expected: of the whole body, or of the current chunk when `isChunked`.
    private var remaining = 0
    private var chunkDigits = 0

    init(maxHeaderBytes: Int, maxBodyBytes: Int) {
        self.maxHeaderBytes = max(1, maxHeaderBytes)
        self.maxBodyBytes = min(max(0, maxBodyBytes), Int.max / 32)
    }

    /// True once any byte of a request (other than leading line breaks) has arrived and the request is not done.
    var hasPartialRequest: Bool {
        state != .head || !head.isEmpty
    }

    /// Consumes bytes from the start of `input` up to the first event and says how many it used.
    mutating func consume(_ input: UnsafeRawBufferPointer) -> (consumed: Int, event: Event) {
        var index = 0
        while true {
            let event: Event?
            switch state {
            case .head: event = consumeHead(input, &index)
            case .body: event = consumeBody(input, &index)
            case .chunkFraming: event = consumeChunkFraming(input, &index)
            case .failed(let error): return (index, .failure(error))
            }
            if let event { return (index, event) }
            if index == input.count { return (index, .needMore) }
        }
    }

    /// Collects head bytes until the empty line; nil when the input ran out or the body began.
    private mutating func consumeHead(_ input: UnsafeRawBufferPointer, _ index: inout Int) -> Event? {
        if head.isEmpty {
            // RFC 9112 §2.2: ignore empty lines before the request line (some clients send CRLF after a body).
            while index < input.count, input[index] == Self.cr || input[index] == Self.lf {
                index += 1
                headBytes += 1
                if headBytes > maxHeaderBytes { return fail(.headTooLarge) }
            }
        }
        let start = index
        // Bytes before this index are already in `head`.
        var copied = index
        let limit = min(input.count, index + max(0, maxHeaderBytes - headBytes))
        var complete = false
        while index < limit, !complete {
            let byte = input[index]
            index += 1
            var lineEnded = false
            if afterCR {
                guard byte == Self.lf else { return fail(.malformedHeader) }
                afterCR = false
                lineEnded = true
            } else if byte == Self.cr {
                afterCR = true
            } else if byte == Self.lf {
                lineEnded = true
            } else {
                if requestLine == .method {
                    if byte == UInt8(ascii: " ") {
                        requestLine = .rest
                    } else if !HTTPRequestHead.isTokenByte(byte) {
                        return fail(.malformedRequestLine)
                    }
                }
                lineLength += 1
            }
            guard lineEnded else { continue }
            if requestLine != .done {
                head.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[copied..<index]))
                copied = index
                guard requestLine == .rest, HTTPRequestHead.endsWithVersion(head) else { return fail(.malformedRequestLine) }
                requestLine = .done
            }
            complete = endHeadLine()
        }
        head.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[copied..<index]))
        headBytes += index - start
        guard complete else {
            return index < input.count ? fail(.headTooLarge) : nil
        }
        return startBody(afterHeadIn: input, at: index)
    }

    /// True when the line just ended was empty, i.e. the head is complete.
    private mutating func endHeadLine() -> Bool {
        defer { lineLength = 0 }
        return lineLength == 0
    }

    /// Parses the complete head and sets up the body; the request itself when it has no body.
    private mutating func startBody(afterHeadIn input: UnsafeRawBufferPointer, at index: Int) -> Event? {
        let result: Result<HTTPRequestHead, HTTPRequestError> = head.withUnsafeBytes { bytes in
            do throws(HTTPRequestError) {
                return .success(try HTTPRequestHead(parsing: bytes, maxBodyBytes: maxBodyBytes))
            } catch {
                return .failure(error)
            }
        }
        let parsed: HTTPRequestHead
        switch result {
        case .success(let head): parsed = head
        case .failure(let error): return fail(error)
        }
        head.removeAll(keepingCapacity: head.capacity <= 4096)
        headBytes = 0
        requestLine = .method
        request = HTTPRequest(method: parsed.method, path: parsed.path, query: parsed.query, headers: parsed.headers,
                              body: [], keepAlive: parsed.keepAlive)
        isHTTP10 = parsed.isHTTP10
        switch parsed.framing {
        case .none:
            return completeRequest()
        case .length(let length):
            isChunked = false
            remaining = length
            // Grow with the bytes that actually come, not with what a client merely declared.
            request.body.reserveCapacity(min(length, 64 * 1024))
            state = .body
        case .chunked:
            isChunked = true
            remaining = 0
            chunkDigits = 0
            framingBytes = 0
            state = .chunkFraming(.size)
        }
        return parsed.expectsContinue && index == input.count ? .expectContinue : nil
    }

    /// Copies up to `remaining` bytes into the body; nil when the input ran out or chunk framing follows.
    private mutating func consumeBody(_ input: UnsafeRawBufferPointer, _ index: inout Int) -> Event? {
        let count = min(remaining, input.count - index)
        request.body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[index..<(index + count)]))
        index += count
        remaining -= count
        guard remaining == 0 else { return nil }
        guard isChunked else { return completeRequest() }
        state = .chunkFraming(.dataCR)
        return nil
    }

    /// Decodes chunk framing byte by byte; nil when the input ran out or chunk data follows.
    private mutating func consumeChunkFraming(_ input: UnsafeRawBufferPointer, _ index: inout Int) -> Event? {
        while index < input.count, case .chunkFraming(let step) = state {
            let byte = input[index]
            index += 1
            framingBytes += 1
            if framingBytes > maxHeaderBytes {
                return fail(step == .trailer || step == .trailerLF ? .headTooLarge : .malformedChunk)
            }
            switch step {
            case .size:
                if let digit = Self.hexValue(byte) {
                    chunkDigits += 1
                    remaining = remaining > maxBodyBytes ? remaining : remaining * 16 + digit
                } else if chunkDigits > 0, byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    state = .chunkFraming(.sizeExtension)
                } else if chunkDigits > 0, byte == Self.cr {
                    state = .chunkFraming(.sizeLF)
                } else {
                    return fail(.malformedChunk)
                }
            case .sizeExtension:
                // Extensions carry nothing calapi uses; they are skipped, control characters refused.
                if byte == Self.cr {
                    state = .chunkFraming(.sizeLF)
                } else if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                    return fail(.malformedChunk)
                }
            case .sizeLF:
                guard byte == Self.lf else { return fail(.malformedChunk) }
                guard remaining <= maxBodyBytes - request.body.count else { return fail(.bodyTooLarge) }
                chunkDigits = 0
                framingBytes = 0
                lineLength = 0
                state = remaining == 0 ? .chunkFraming(.trailer) : .body
            case .dataCR:
                guard byte == Self.cr else { return fail(.malformedChunk) }
                state = .chunkFraming(.dataLF)
            case .dataLF:
                guard byte == Self.lf else { return fail(.malformedChunk) }
                framingBytes = 0
                state = .chunkFraming(.size)
            case .trailer:
                // Trailer fields are read and dropped: nothing in calapi's API depends on them.
                if byte == Self.cr {
                    state = .chunkFraming(.trailerLF)
                } else if byte == Self.lf {
                    return fail(.malformedChunk)
                } else {
                    lineLength += 1
                }
            case .trailerLF:
                guard byte == Self.lf else { return fail(.malformedChunk) }
                if lineLength == 0 { return completeRequest() }
                lineLength = 0
                state = .chunkFraming(.trailer)
            }
        }
        return nil
    }

    /// Hands out the finished request and resets for the next one.
    private mutating func completeRequest() -> Event {
        let finished = request
        request.body = []
        state = .head
        lineLength = 0
        return .request(finished, isHTTP10: isHTTP10)
    }

    private mutating func fail(_ error: HTTPRequestError) -> Event {
        state = .failed(error)
        head = []
        request.body = []
        return .failure(error)
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
