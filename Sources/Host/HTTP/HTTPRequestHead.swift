/// The request line and header fields of one request, with the body framing they declare.
///
/// Parsed by `HTTPRequestParser` on an I/O thread from the bytes of a complete head; a plain value.
struct HTTPRequestHead {
    /// How the body is delimited.
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: HTTPMethod
    var path: String
    var query: String
    var headers: HTTPHeaders
    var isHTTP10: Bool
    var keepAlive: Bool
    var framing: Framing
    /// `Expect: 100-continue` on an HTTP/1.1 request (HTTP/1.0 clients' expectations are ignored, as RFC 9110 asks).
    var expectsContinue: Bool
}

extension HTTPRequestHead {
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses a complete head: lines ending in LF (an optional CR before it), the last one empty.
    /// `HTTPRequestParser` has already skipped leading empty lines and rejected a CR not followed by LF.
    ///
    /// Throws 400 for anything malformed or ambiguous in framing, 413 for a declared body over
    /// `maxBodyBytes`, 505 for a well-formed version other than 1.x.
    init(parsing bytes: UnsafeRawBufferPointer, maxBodyBytes: Int) throws(HTTPRequestError) {
        var cursor = 0
        guard let requestLine = Self.nextLine(bytes, &cursor) else { throw .malformedRequestLine }
        try self.init(requestLine: requestLine, in: bytes)

        var fields: [(name: String, value: String)] = []
        var contentLength: Int?
        var transferCodings = 0
        var chunkedIsLast = false
        var close = false
        var keepAliveToken = false
        var hostFields = 0
        while let line = Self.nextLine(bytes, &cursor), !line.isEmpty {
            guard bytes[line.lowerBound] != Self.space, bytes[line.lowerBound] != Self.tab,
                  let colon = Self.firstIndex(of: UInt8(ascii: ":"), in: bytes, line) else {
                throw .malformedHeader
            }
            let name = line.lowerBound..<colon
            guard !name.isEmpty, Self.all(bytes, name, Self.isTokenByte) else { throw .malformedHeader }
            let value = Self.trimmed(bytes, (colon + 1)..<line.upperBound)
            guard Self.all(bytes, value, Self.isFieldValueByte) else { throw .malformedHeader }

            if Self.equalsIgnoringCase(bytes, name, "content-length") {
                let elements = Self.listElements(bytes, value)
                guard !elements.isEmpty else { throw .invalidContentLength }
                // Repeated values are accepted only when they all agree (RFC 9112 §6.3).
                for element in elements {
                    guard let length = Self.decimal(bytes, element, saturatingAt: maxBodyBytes + 1),
                          contentLength == nil || contentLength == length else {
                        throw .invalidContentLength
                    }
                    contentLength = length
                }
            } else if Self.equalsIgnoringCase(bytes, name, "transfer-encoding") {
                for element in Self.listElements(bytes, value) {
                    transferCodings += 1
                    chunkedIsLast = Self.equalsIgnoringCase(bytes, element, "chunked")
                }
                if value.isEmpty { transferCodings += 1 }
            } else if Self.equalsIgnoringCase(bytes, name, "connection") {
                for element in Self.listElements(bytes, value) {
                    if Self.equalsIgnoringCase(bytes, element, "close") { close = true }
                    if Self.equalsIgnoringCase(bytes, element, "keep-alive") { keepAliveToken = true }
                }
            } else if Self.equalsIgnoringCase(bytes, name, "host") {
                hostFields += 1
                guard Self.all(bytes, value, Self.isHostByte) else { throw .invalidHost }
            } else if Self.equalsIgnoringCase(bytes, name, "expect") {
                expectsContinue = !isHTTP10 && Self.equalsIgnoringCase(bytes, value, "100-continue")
            }
            fields.append((name: Self.string(bytes, name), value: Self.string(bytes, value)))
        }
        headers = HTTPHeaders(fields)
        keepAlive = !close && (!isHTTP10 || keepAliveToken)
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, never two in any version.
        guard hostFields <= 1 else { throw .duplicateHost }
        guard hostFields == 1 || isHTTP10 else { throw .missingHost }

        if transferCodings > 0 {
            // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 means faulty framing; refused, and the connection closes.
            guard !isHTTP10 else { throw .transferEncodingInHTTP10 }
            guard contentLength == nil else { throw .conflictingFraming }
            // Only "chunked" alone: calapi decodes no other coding, and anything else would leave the body's end unknown.
            guard transferCodings == 1, chunkedIsLast else { throw .unsupportedTransferCoding }
            framing = .chunked
        } else if let contentLength, contentLength > 0 {
            guard contentLength <= maxBodyBytes else { throw .bodyTooLarge }
            framing = .length(contentLength)
        }
    }

    /// Parses `method SP target SP HTTP/x.y` and fills every property from it, with no fields yet.
    private init(requestLine line: Range<Int>, in bytes: UnsafeRawBufferPointer) throws(HTTPRequestError) {
        guard let firstSpace = Self.firstIndex(of: Self.space, in: bytes, line),
              let secondSpace = Self.firstIndex(of: Self.space, in: bytes, (firstSpace + 1)..<line.upperBound) else {
            throw .malformedRequestLine
        }
        let method = line.lowerBound..<firstSpace
        let target = (firstSpace + 1)..<secondSpace
        let version = (secondSpace + 1)..<line.upperBound
        guard !method.isEmpty, Self.all(bytes, method, Self.isTokenByte),
              !target.isEmpty, Self.all(bytes, target, { $0 > 0x20 && $0 < 0x7F }) else {
            throw .malformedRequestLine
        }
        guard version.count == 8, Self.equalsIgnoringCase(bytes, version.lowerBound..<(version.lowerBound + 5), "http/"),
              bytes[version.lowerBound + 6] == UInt8(ascii: "."),
              let major = Self.decimal(bytes, (version.lowerBound + 5)..<(version.lowerBound + 6), saturatingAt: 9),
              let minor = Self.decimal(bytes, (version.lowerBound + 7)..<(version.lowerBound + 8), saturatingAt: 9) else {
            throw .malformedRequestLine
        }
        // A higher 1.x minor version is served as 1.1 (RFC 9110 §2.5); other majors are not HTTP/1 framing.
        guard major == 1 else { throw .unsupportedVersion }

        self.method = HTTPMethod(name: Self.string(bytes, method))
        (path, query) = try Self.pathAndQuery(bytes, target, isOptions: self.method == .options)
        headers = HTTPHeaders()
        isHTTP10 = minor == 0
        keepAlive = true
        framing = .none
        expectsContinue = false
    }

    /// Splits an origin-form, absolute-form or asterisk-form target into path and query.
    private static func pathAndQuery(_ bytes: UnsafeRawBufferPointer, _ target: Range<Int>, isOptions: Bool) throws(HTTPRequestError) -> (String, String) {
        if target.count == 1, bytes[target.lowerBound] == UInt8(ascii: "*") {
            guard isOptions else { throw .malformedRequestLine }
            return ("*", "")
        }
        var start = target.lowerBound
        if bytes[start] != UInt8(ascii: "/") {
            let scheme: Range<Int>
            if equalsIgnoringCase(bytes, target.lowerBound..<min(target.upperBound, target.lowerBound + 7), "http://") {
                scheme = target.lowerBound..<(target.lowerBound + 7)
            } else if equalsIgnoringCase(bytes, target.lowerBound..<min(target.upperBound, target.lowerBound + 8), "https://") {
                scheme = target.lowerBound..<(target.lowerBound + 8)
            } else {
                throw .malformedRequestLine
            }
            let authority = scheme.upperBound..<target.upperBound
            start = firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }, in: bytes, authority) ?? target.upperBound
            guard start > scheme.upperBound else { throw .malformedRequestLine }
        }
        let rest = start..<target.upperBound
        let questionMark = firstIndex(of: UInt8(ascii: "?"), in: bytes, rest)
        let pathEnd = questionMark ?? target.upperBound
        let path = pathEnd > start ? string(bytes, start..<pathEnd) : "/"
        let query = questionMark.map { string(bytes, ($0 + 1)..<target.upperBound) } ?? ""
        return (path, query)
    }

    /// The next line from `cursor` without its line break, advancing past it; nil when no LF is left.
    private static func nextLine(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int) -> Range<Int>? {
        guard let lf = firstIndex(of: lf, in: bytes, cursor..<bytes.count) else { return nil }
        let start = cursor
        cursor = lf + 1
        return start..<(lf > start && bytes[lf - 1] == cr ? lf - 1 : lf)
    }

    /// The comma-separated elements of a field value, each trimmed; empty elements are skipped.
    private static func listElements(_ bytes: UnsafeRawBufferPointer, _ value: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = value.lowerBound
        while start <= value.upperBound {
            let end = firstIndex(of: UInt8(ascii: ","), in: bytes, start..<value.upperBound) ?? value.upperBound
            let element = trimmed(bytes, start..<end)
            if !element.isEmpty { elements.append(element) }
            start = end + 1
        }
        return elements
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == space || bytes[lower] == tab { lower += 1 }
        while upper > lower, bytes[upper - 1] == space || bytes[upper - 1] == tab { upper -= 1 }
        return lower..<upper
    }

    /// A non-empty run of ASCII digits as a number, capped at `cap` so huge values cannot overflow; nil otherwise.
    private static func decimal(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, saturatingAt cap: Int) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9 else { return nil }
            value = value > (cap - digit) / 10 ? cap : min(cap, value * 10 + digit)
        }
        return value
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        firstIndex(where: { $0 == byte }, in: bytes, range)
    }

    private static func firstIndex(where matches: (UInt8) -> Bool, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        for index in range where matches(bytes[index]) {
            return index
        }
        return nil
    }

    private static func all(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ allowed: (UInt8) -> Bool) -> Bool {
        for index in range where !allowed(bytes[index]) {
            return false
        }
        return true
    }

    /// Compares bytes with a lower-case ASCII literal, ignoring the case of the bytes.
    private static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ lowercase: StaticString) -> Bool {
        guard range.count == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        for offset in 0..<range.count {
            var byte = bytes[range.lowerBound + offset]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != literal[offset] { return false }
        }
        return true
    }

    private static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether `line` (a request line with its line break) ends in ` HTTP/d.d`: the sign, checked as
    /// soon as the line is in, that the client speaks HTTP/1 (an HTTP/0.9 request has no version).
    static func endsWithVersion(_ line: [UInt8]) -> Bool {
        var end = line.count
        if end > 0, line[end - 1] == lf { end -= 1 }
        if end > 0, line[end - 1] == cr { end -= 1 }
        guard end >= 9 else { return false }
        return line.withUnsafeBytes { bytes in
            let version = (end - 8)..<end
            return bytes[end - 9] == space && equalsIgnoringCase(bytes, version.lowerBound..<(version.lowerBound + 5), "http/")
                && bytes[version.lowerBound + 6] == UInt8(ascii: ".")
                && decimal(bytes, (version.lowerBound + 5)..<(version.lowerBound + 6), saturatingAt: 9) != nil
                && decimal(bytes, (version.lowerBound + 7)..<(version.lowerBound + 8), saturatingAt: 9) != nil
        }
    }

    /// RFC 9110 `tchar`: the characters of methods and field names.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The characters of RFC 3986 `host [":" port]`: unreserved, sub-delims, `%`, `:`, `[` and `]`.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"), UInt8(ascii: ":"), UInt8(ascii: "["),
             UInt8(ascii: "]"):
            true
        default:
            false
        }
    }

    /// Visible ASCII, space, tab and any byte ≥ 0x80; never CR, LF, NUL or another control.
    private static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }
}
