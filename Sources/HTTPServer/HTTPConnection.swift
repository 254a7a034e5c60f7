import Sockets

/// One client connection: reads and parses requests, runs them, writes responses in order.
///
/// Confined to its event loop's thread; work done on the worker pool comes back through
/// `EventLoop.execute`. Requests are answered strictly one after another, which keeps pipelined
/// responses in order. Each connection has one deadline, checked by the loop's tick.
final class HTTPConnection: EventLoopHandler, @unchecked Sendable {
    enum DeadlineReason {
        case idle, header, body, write, linger
    }

    let fd: Int32
    let remoteAddress: String
    /// The client address the per-client connection count is kept under.
    let client: String
    // Strong: the loop context drops the connection when it closes, which breaks the cycle.
    let context: LoopContext

    /// Received bytes not yet parsed: a partial head, or pipelined requests waiting their turn.
    /// The unparsed part starts at `inputStart` (a read index, so consuming is not a copy); it is
    /// compacted only when the consumed prefix is at least as long as what is left, which keeps
    /// the copying linear in the bytes received. Bounded by `inputLimit`: at the bound the
    /// connection stops reading until processing drains it.
    var input: [UInt8] = []
    var inputStart = 0
    /// A parsed head whose body is still arriving.
    var pending: PendingRequest?
    /// A request is with the worker pool.
    var inFlight = false
    /// Response bytes the socket did not take yet.
    var output: [UInt8] = []
    var outputOffset = 0
    var closeAfterWrite = false
    /// Request bytes may be left unread when we close (an error response, or bytes received after
    /// the last request answered): then the close lingers (see `beginLingeringClose`).
    var unreadInputPossible = false
    /// A read returned end-of-stream: every byte the client sent has been read.
    var peerClosed = false
    /// Whether `EPOLLRDHUP` is watched. After the client's FIN is seen while the connection is not
    /// reading (a request on the worker pool, a response being written), it stops being watched:
    /// the FIN does not cancel the answer (the request was complete), and level-triggered it
    /// would be reported on every wait.
    var watchingPeerClose = true
    /// What epoll was last told about `EPOLLRDHUP`.
    var peerCloseWatched = true
    var lingering = false
    var lingerBytes = 0
    var closed = false
    var interest: IOEvents = .readable
    var resumeScheduled = false
    var deadline: UInt64 = 0
    var deadlineReason = DeadlineReason.idle
    let inputLimit: Int

    init(fd: Int32, remoteAddress: String, client: String, context: LoopContext) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.client = client
        self.context = context
        self.inputLimit = context.server.configuration.inputBufferLimit
        setDeadline(.idle)
    }

    func handle(_ events: IOEvents) {
        if closed { return }
        if lingering {
            drainWhileLingering()
            return
        }
        if !events.contains(.readable) && !events.contains(.writable) {
            if !events.isDisjoint(with: .failure) { return close() }
            if events.contains(.peerClosedWriting) {
                // The client half-closed while we are not reading: a complete request is being
                // answered (RFC 9112 §9.6: the FIN ends the client's sending, not the exchange).
                // Stop watching it; the reads after the response find the end of the stream.
                watchingPeerClose = false
                updateInterest()
                return
            }
        }
        if events.contains(.writable) { flush() }
        if events.contains(.readable), canProcess, unparsedCount < inputLimit { readAndProcess() }
        flush()
    }

    /// Whether the connection may take on another request now.
    var canProcess: Bool {
        !closed && !inFlight && !closeAfterWrite && !lingering && output.isEmpty
    }

    /// Bytes received and not yet parsed.
    var unparsedCount: Int { input.count - inputStart }

    var isIdle: Bool {
        unparsedCount == 0 && pending == nil && !inFlight && output.isEmpty && !lingering && context.writeScratch.isEmpty
    }

    /// One non-blocking read of at most `limit` bytes into the loop's shared read buffer; a socket
    /// error closes the connection and gives `nil`.
    func readIntoScratch(limit: Int = .max) -> ReadOutcome? {
        do {
            return try context.readScratch.withUnsafeMutableBytes { buffer throws(SocketError) in
                try Socket.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(limit, buffer.count)]))
            }
        } catch {
            close()
            return nil
        }
    }

    private func readAndProcess() {
        guard let outcome = readIntoScratch(limit: inputLimit - unparsedCount) else { return }
        switch outcome {
        case .wouldBlock:
            return
        case .endOfStream:
            peerClosed = true
            processInput()
            if !inFlight && context.writeScratch.isEmpty && output.isEmpty && !resumeScheduled { close() }
        case .bytes(let count):
            if unparsedCount == 0 {
                let consumed = context.readScratch.withUnsafeBufferPointer { process(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                if consumed < count {
                    if !closed && !closeAfterWrite {
                        input.removeAll(keepingCapacity: true)
                        inputStart = 0
                        input.append(contentsOf: context.readScratch[consumed..<count])
                        context.server.metrics.noteBufferedInput(input.count)
                    } else {
                        unreadInputPossible = true
                    }
                }
            } else {
                input.append(contentsOf: context.readScratch[0..<count])
                context.server.metrics.noteBufferedInput(unparsedCount)
                processInput()
            }
        }
    }

    /// Processes the buffered input (after new bytes, or when a pool response freed the connection).
    func processInput() {
        guard unparsedCount > 0, canProcess else { return }
        let consumed = input.withUnsafeBufferPointer { process(UnsafeBufferPointer(rebasing: $0[inputStart...])) }
        inputStart += consumed
        if closed || closeAfterWrite {
            if inputStart < input.count { unreadInputPossible = true }
            input = []
            inputStart = 0
        } else if inputStart == input.count {
            // Emptied: the buffer goes, so an idle connection holds none.
            input = []
            inputStart = 0
        } else if inputStart >= input.count - inputStart {
            input.removeFirst(inputStart)
            inputStart = 0
        }
    }

    /// Parses and dispatches as many requests from `bytes` as allowed; returns the bytes consumed
    /// (a body still arriving is consumed into `pending`).
    private func process(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let parser = context.server.parser
        var offset = 0
        var served = 0
        while canProcess {
            if served == context.server.configuration.maxPipelinedRequests {
                scheduleResume()
                break
            }
            if pending == nil {
                let view = UnsafeBufferPointer(rebasing: bytes[offset...])
                if view.isEmpty { break }
                switch parser.parseHead(view) {
                case .incomplete:
                    if deadlineReason != .header { setDeadline(.header) }
                    return offset
                case .invalid(let error):
                    reject(error)
                    return offset
                case .complete(let head, let headLength):
                    let available = view.count - headLength
                    switch head.framing {
                    case .none:
                        offset += headLength
                        served += 1
                        dispatch(Request(head: head, body: [], trailers: HTTPHeaders()), bytesIn: headLength)
                        continue
                    case .length(let length):
                        guard length <= parser.limits.maxBodyBytes else {
                            reject(HTTPParseError.contentTooLarge)
                            return offset
                        }
                        if available >= length {
                            // The whole body came with its head: one copy, no pending state.
                            let body = Array(view[headLength..<(headLength + length)])
                            offset += headLength + length
                            served += 1
                            dispatch(Request(head: head, body: body, trailers: HTTPHeaders()), bytesIn: headLength + length)
                            continue
                        }
                    case .chunked:
                        break
                    }
                    offset += headLength
                    if head.expectsContinue, available == 0 {
                        // RFC 9110 §10.1.1: the body is acceptable (its size passed the cap), so invite it.
                        context.writeScratch += Self.continueLine
                        flush()
                    }
                    pending = PendingRequest(head: head, headLength: headLength)
                    // One deadline for the whole body, not extended by progress.
                    setDeadline(.body)
                }
            }
            let (consumed, outcome) = pending!.feed(UnsafeBufferPointer(rebasing: bytes[offset...]), parser: parser)
            switch outcome {
            case .needMore:
                return offset + consumed
            case .invalid(let error):
                reject(error)
                return offset
            case .complete:
                offset += consumed
                served += 1
                let request = pending.take()!
                let bytesIn = request.headLength + request.wireBytes
                dispatch(request.request(), bytesIn: bytesIn)
            }
        }
        return offset
    }

    private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private func dispatch(_ request: consuming Request, bytesIn: Int) {
        request.remoteAddress = remoteAddress
        let started = MonotonicTime.now()
        let server = context.server
        guard let pool = server.workerPool, server.offload(request) else {
            let response = server.respond(to: &request)
            return finish(consume request, response: response, bytesIn: bytesIn, started: started)
        }
        inFlight = true
        deadline = 0
        updateInterest()
        let loop = context.loop
        pool.submit { [self, request] in
            var request = request
            let response = server.respond(to: &request)
            loop.execute { [self, request] in
                inFlight = false
                guard !closed else { return }
                finish(request, response: response, bytesIn: bytesIn, started: started)
                processInput()
                flush()
            }
        }
    }

    /// Continues with buffered pipelined requests after the loop has served others.
    private func scheduleResume() {
        guard !resumeScheduled else { return }
        resumeScheduled = true
        context.loop.execute { [self] in
            resumeScheduled = false
            guard !closed else { return }
            processInput()
            flush()
        }
    }
}
