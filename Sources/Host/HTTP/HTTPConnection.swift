import Glibc

/// One client connection: its parser, the bytes read ahead while a request is answered, and the response
/// being written.
///
/// Requests go to the handler one at a time. The next one is parsed only after the previous response has
/// been written completely, so pipelined requests are answered in order and a client that stops reading
/// holds at most one response in memory. Read-ahead is capped at `IOThread.readAheadLimit`; beyond it the
/// connection stops reading until the response is out.
///
/// Limits come from the I/O thread (`IOThread.limits`) and are read again at each request, so new limits
/// apply to the next request of an open keep-alive connection.
///
/// Not thread-safe: used only on the I/O thread that accepted it. `ResponseSink`s keep a reference to route
/// their response here; after `close(on:)` the object stays valid and ignores them.
final class HTTPConnection {
    enum State {
        /// Waiting for or receiving a request.
        case reading
        /// The handler has the request.
        case handling
        /// Writing the response.
        case writing
        /// Answered and shut for writing; draining what the client still sends until it closes.
        case lingering
        case closed
    }

    let fd: Int32
    /// Tells this connection apart from a later one on the same descriptor number in epoll events.
    let generation: UInt32
    /// The client's IP address, for the request log (`HTTPRequest.remoteAddress`).
    var remoteAddress = ""
    private var state = State.reading
    /// What the epoll set watches for this descriptor (kept by `IOThread.setInterest`).
    var registeredEvents = LinuxAPI.epollIn
    /// When the current wait runs out (see `deadlinePassed`); infinity while a handler works.
    private(set) var deadline: Double

    private var parser: HTTPRequestParser
    private var readAhead: [UInt8] = []
    private var peerClosed = false
    /// The deadline counts `headerTimeout` for a request (true from the first byte, and for a new connection).
    private var requestTimed = true
    private var serial: UInt64 = 0
    private var answeringHead = false
    private var keepAlive = false
    private var isHTTP10 = false
    private var outHead: [UInt8] = []
    private var outBody: [UInt8] = []
    private var headSent = 0
    private var bodySent = 0
    private var writeBlocked = false
    private var closeAfterWrite = false
    /// The cancellation of the request being handled, until its response arrives.
    private var cancellation: RequestCancellation?

    init(fd: Int32, generation: UInt32, limits: HTTPLimits) {
        self.fd = fd
        self.generation = generation
        parser = HTTPRequestParser(maxHeaderBytes: limits.maxHeaderBytes, maxBodyBytes: limits.maxBodyBytes)
        deadline = HTTPClock.now() + limits.headerTimeoutSeconds
    }

    /// The epoll data word: descriptor in the low half, generation in the high half.
    var epollData: UInt64 {
        UInt64(UInt32(bitPattern: fd)) | UInt64(generation) << 32
    }

    /// Reacts to readiness reported by epoll.
    func handle(events: UInt32, on thread: IOThread) {
        if events & (LinuxAPI.epollErr | LinuxAPI.epollHup) != 0 {
            close(on: thread)
            return
        }
        if events & LinuxAPI.epollOut != 0 {
            flush(on: thread)
        }
        if events & LinuxAPI.epollIn != 0 && state != .closed {
            readAvailable(on: thread)
        }
    }

    /// Writes the handler's response for request `serial`; ignored if the connection moved on or closed.
    func deliver(_ response: HTTPResponse, serial: UInt64, on thread: IOThread) {
        guard state == .handling, serial == self.serial else { return }
        cancellation = nil
        let closing = !keepAlive || thread.stopping || (peerClosed && readAhead.isEmpty)
            || HTTPResponseWriter.asksToClose(response)
        respond(response, closing: closing, on: thread)
    }

    /// Called by the loop's sweep once `deadline` has passed.
    func deadlinePassed(on thread: IOThread) {
        switch state {
        case .reading:
            // A request that started and stalled gets 408; an idle or silent connection just closes, and
            // during a stop it lingers, in case its next request is already on the way.
            if parser.hasPartialRequest {
                refuse(.timeout, on: thread)
            } else if thread.stopping {
                linger(on: thread)
            } else {
                close(on: thread)
            }
        case .writing, .lingering:
            close(on: thread)
        case .handling, .closed:
            break
        }
    }

    /// The server is stopping. A request under way is finished and answered with `Connection: close`. A
    /// connection between requests may still send one for `drainIdleSeconds` (a client looping on a
    /// keep-alive connection may have sent it already): it is answered the same way. After that the
    /// connection lingers and closes; closing it at once would drop a request crossing the close.
    func beginDrain(on thread: IOThread) {
        if state == .reading && !parser.hasPartialRequest {
            deadline = min(deadline, HTTPClock.now() + thread.limits.drainIdleSeconds)
        }
    }

    /// Closes the descriptor (which also removes it from epoll) and frees the buffers.
    func close(on thread: IOThread) {
        guard state != .closed else { return }
        cancellation?.cancel()
        cancellation = nil
        if state == .lingering { discardUnread(thread.readBuffer) }
        state = .closed
        Glibc.close(fd)
        parser = HTTPRequestParser(maxHeaderBytes: parser.maxHeaderBytes, maxBodyBytes: parser.maxBodyBytes)
        readAhead = []
        outHead = []
        outBody = []
        thread.remove(self)
    }

    /// Reads and drops whatever the client sent that is still unread: closing a socket with unread data
    /// makes the kernel send a reset, which can destroy the answer before the client has read it.
    private func discardUnread(_ buffer: UnsafeMutableRawBufferPointer) {
        var reads = 0
        while reads < 16 && recv(fd, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT)) > 0 {
            reads += 1
        }
    }

    private func readAvailable(on thread: IOThread) {
        let buffer = thread.readBuffer
        let count = recv(fd, buffer.baseAddress, buffer.count, 0)
        guard count >= 0 else {
            if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { close(on: thread) }
            return
        }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        switch state {
        case .reading:
            // End of input with no complete request: there is nothing left to answer.
            guard count > 0 else { return close(on: thread) }
            parse(bytes, on: thread)
        case .handling, .writing:
            // The client ended its side. Like nginx and Go's net/http, calapi takes that as the client
            // leaving: the work on its request is cancelled. If it only half-closed, it still gets the
            // answer (which then says the request was stopped); afterwards the connection closes.
            if count == 0 {
                peerClosed = true
                cancellation?.cancel()
            }
            readAhead.append(contentsOf: bytes)
            updateInterest(on: thread)
        case .lingering:
            if count == 0 { close(on: thread) }
        case .closed:
            break
        }
    }

    /// Feeds bytes to the parser until it needs more, hands out a request, or refuses one.
    private func parse(_ input: UnsafeRawBufferPointer, on thread: IOThread) {
        var offset = 0
        while state == .reading {
            let (used, event) = parser.consume(UnsafeRawBufferPointer(rebasing: input[offset...]))
            offset += used
            switch event {
            case .needMore:
                if !requestTimed && parser.hasPartialRequest {
                    requestTimed = true
                    deadline = HTTPClock.now() + thread.limits.headerTimeoutSeconds
                }
                return
            case .expectContinue:
                outHead.append(contentsOf: HTTPResponseWriter.continueHead)
                flush(on: thread)
            case .request(let request, let isHTTP10):
                readAhead.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[offset...]))
                dispatch(request, isHTTP10: isHTTP10, on: thread)
                return
            case .failure(let error):
                refuse(error, on: thread)
                return
            }
        }
    }

    private func dispatch(_ request: HTTPRequest, isHTTP10: Bool, on thread: IOThread) {
        var request = request
        request.remoteAddress = remoteAddress
        state = .handling
        deadline = .infinity
        requestTimed = false
        serial &+= 1
        answeringHead = request.method == .head
        keepAlive = request.keepAlive
        self.isHTTP10 = isHTTP10
        updateInterest(on: thread)
        let sink = ResponseSink(thread: thread, connection: self, serial: serial)
        cancellation = sink.cancellation
        thread.handler.handle(request, sink: sink)
    }

    /// Answers a request the server refuses by itself, then closes.
    private func refuse(_ error: HTTPRequestError, on thread: IOThread) {
        answeringHead = false
        isHTTP10 = false
        respond(thread.handler.refused(HTTPResponseWriter.errorResponse(error), remoteAddress: remoteAddress), closing: true, on: thread)
    }

    private func respond(_ response: HTTPResponse, closing: Bool, on thread: IOThread) {
        let (head, sendsBody) = HTTPResponseWriter.head(for: response, answeringHead: answeringHead, closing: closing,
                                                        http10KeepAlive: isHTTP10 && !closing, date: &thread.date)
        outHead.append(contentsOf: head)
        outBody = sendsBody ? response.body : []
        closeAfterWrite = closing
        state = .writing
        deadline = HTTPClock.now() + thread.limits.idleTimeoutSeconds
        flush(on: thread)
    }

    /// Writes as much of the pending output as the socket takes; waits for EPOLLOUT when it is full.
    private func flush(on thread: IOThread) {
        while headSent < outHead.count || bodySent < outBody.count {
            let written = writeSome()
            if written > 0 {
                let fromHead = min(written, outHead.count - headSent)
                headSent += fromHead
                bodySent += written - fromHead
                if state == .writing { deadline = HTTPClock.now() + thread.limits.idleTimeoutSeconds }
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                writeBlocked = true
                updateInterest(on: thread)
                return
            } else {
                close(on: thread)
                return
            }
        }
        outHead.removeAll(keepingCapacity: outHead.capacity <= 4096)
        outBody = []
        headSent = 0
        bodySent = 0
        writeBlocked = false
        if state == .writing {
            responseWritten(on: thread)
        } else {
            updateInterest(on: thread)
        }
    }

    /// One `sendmsg` of the unsent head and body bytes; the byte count, or -1 and `errno`.
    private func writeSome() -> Int {
        outHead.withUnsafeBytes { head in
            outBody.withUnsafeBytes { body in
                withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { vectors in
                    var count = 0
                    if let base = head.baseAddress, headSent < head.count {
                        vectors[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: base + headSent), iov_len: head.count - headSent)
                        count += 1
                    }
                    if let base = body.baseAddress, bodySent < body.count {
                        vectors[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: base + bodySent), iov_len: body.count - bodySent)
                        count += 1
                    }
                    var message = msghdr()
                    message.msg_iov = vectors.baseAddress
                    message.msg_iovlen = count
                    return sendmsg(fd, &message, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
            }
        }
    }

    /// The response is out: close, or go back to reading (with the limits now in force) and parse what
    /// was read ahead.
    private func responseWritten(on thread: IOThread) {
        guard !closeAfterWrite && !thread.stopping else { return linger(on: thread) }
        state = .reading
        requestTimed = false
        deadline = HTTPClock.now() + thread.limits.idleTimeoutSeconds
        if parser.maxHeaderBytes != thread.limits.maxHeaderBytes || parser.maxBodyBytes != thread.limits.maxBodyBytes {
            parser = HTTPRequestParser(maxHeaderBytes: thread.limits.maxHeaderBytes, maxBodyBytes: thread.limits.maxBodyBytes)
        }
        if !readAhead.isEmpty {
            let bytes = readAhead
            readAhead = []
            bytes.withUnsafeBytes { parse($0, on: thread) }
        }
        guard state == .reading else { return }
        if peerClosed {
            close(on: thread)
        } else {
            updateInterest(on: thread)
        }
    }

    /// Shuts the sending side and keeps reading (and dropping) for a while, so a client still sending
    /// its request reads the answer rather than a reset caused by closing with unread data.
    private func linger(on thread: IOThread) {
        state = .lingering
        readAhead = []
        shutdown(fd, Int32(SHUT_WR))
        guard !peerClosed else { return close(on: thread) }
        deadline = HTTPClock.now() + thread.lingerSeconds
        updateInterest(on: thread)
    }

    private func updateInterest(on thread: IOThread) {
        var events: UInt32 = 0
        switch state {
        case .reading, .lingering:
            if !peerClosed { events |= LinuxAPI.epollIn }
        case .handling, .writing:
            if !peerClosed && readAhead.count < thread.readAheadLimit { events |= LinuxAPI.epollIn }
        case .closed:
            return
        }
        if writeBlocked { events |= LinuxAPI.epollOut }
        thread.setInterest(of: self, to: events)
    }
}
