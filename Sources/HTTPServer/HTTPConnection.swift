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
    // Strong: the loop context drops the connection when it closes, which breaks the cycle.
    let context: LoopContext

    /// Received bytes not yet consumed (only when a read left a partial request or a pipeline backlog).
    var input: [UInt8] = []
    /// A parsed head whose body is still arriving, and the head's length in bytes.
    var pendingHead: (head: RequestHead, length: Int)?
    var sentContinue = false
    /// A request is with the worker pool.
    var inFlight = false
    /// Response bytes the socket did not take yet.
    var output: [UInt8] = []
    var outputOffset = 0
    var closeAfterWrite = false
    /// Request bytes may be left unread when we close (an error response, or bytes received after
    /// the last request answered): then the close lingers (see `beginLingeringClose`).
    var unreadInputPossible = false
    var peerClosed = false
    var lingering = false
    var lingerBytes = 0
    var closed = false
    var interest: IOEvents = .readable
    var resumeScheduled = false
    var deadline: UInt64 = 0
    var deadlineReason = DeadlineReason.idle

    init(fd: Int32, remoteAddress: String, context: LoopContext) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.context = context
        setDeadline(.idle)
    }

    func handle(_ events: IOEvents) {
        if closed { return }
        if lingering {
            drainWhileLingering()
            return
        }
        if !events.contains(.readable) && !events.isDisjoint(with: .hangup) && !events.contains(.writable) {
            return close()
        }
        if events.contains(.writable) { flush() }
        if events.contains(.readable), canProcess { readAndProcess() }
        flush()
    }

    /// Whether the connection may take on another request now.
    var canProcess: Bool {
        !closed && !inFlight && !closeAfterWrite && !lingering && output.isEmpty
    }

    var isIdle: Bool {
        input.isEmpty && pendingHead == nil && !inFlight && output.isEmpty && !lingering && context.writeScratch.isEmpty
    }

    /// One non-blocking read into the loop's shared read buffer; a socket error closes the
    /// connection and gives `nil`.
    func readIntoScratch() -> ReadOutcome? {
        do {
            return try context.readScratch.withUnsafeMutableBytes { buffer throws(SocketError) in try Socket.read(fd, into: buffer) }
        } catch {
            close()
            return nil
        }
    }

    private func readAndProcess() {
        guard let outcome = readIntoScratch() else { return }
        switch outcome {
        case .wouldBlock:
            return
        case .endOfStream:
            peerClosed = true
            processInput()
            if !inFlight && context.writeScratch.isEmpty && output.isEmpty { close() }
        case .bytes(let count):
            if pendingHead != nil || deadlineReason == .body { setDeadline(.body) }
            if input.isEmpty {
                let consumed = context.readScratch.withUnsafeBufferPointer { process(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                if consumed < count {
                    if !closed && !closeAfterWrite {
                        input.append(contentsOf: context.readScratch[consumed..<count])
                    } else {
                        unreadInputPossible = true
                    }
                }
            } else {
                input.append(contentsOf: context.readScratch[0..<count])
                processInput()
            }
        }
    }

    /// Processes the buffered input (after new bytes, or when a pool response freed the connection).
    func processInput() {
        guard !input.isEmpty, canProcess else { return }
        let consumed = input.withUnsafeBufferPointer { process($0) }
        if closed || closeAfterWrite {
            if consumed < input.count { unreadInputPossible = true }
            input = []
        } else if consumed == input.count {
            input = []
        } else if consumed > 0 {
            input.removeFirst(consumed)
        }
    }

    /// Parses and dispatches as many requests from `bytes` as allowed; returns the bytes consumed.
    private func process(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let parser = context.server.parser
        var offset = 0
        var served = 0
        while canProcess {
            if served == context.server.configuration.maxPipelinedRequests {
                scheduleResume()
                break
            }
            let view = UnsafeBufferPointer(rebasing: bytes[offset...])
            // The head is taken out of `pendingHead` (or parsed) and put back only while its body
            // is incomplete: moved, not copied, into the request on the usual path.
            let head: RequestHead, headLength: Int
            if let pending = pendingHead.take() {
                (head, headLength) = pending
            } else {
                if view.isEmpty { break }
                switch parser.parseHead(view) {
                case .incomplete:
                    if deadlineReason != .header { setDeadline(.header) }
                    return offset
                case .invalid(let error):
                    reject(error)
                    return offset
                case .complete(let parsed, let length):
                    (head, headLength) = (parsed, length)
                }
            }
            let bodyBytes = UnsafeBufferPointer(rebasing: view[headLength...])
            if head.expectsContinue, !sentContinue, bodyBytes.isEmpty, head.framing != .none {
                // RFC 9110 §10.1.1: the body is acceptable (its size passed the cap), so invite it.
                sentContinue = true
                context.writeScratch += Self.continueLine
                flush()
            }
            switch parser.parseBody(framing: head.framing, bodyBytes) {
            case .incomplete:
                pendingHead = (head, headLength)
                setDeadline(.body)
                return offset
            case .invalid(let error):
                reject(error)
                return offset
            case .complete(let body, let trailers, let bodyLength):
                sentContinue = false
                offset += headLength + bodyLength
                served += 1
                dispatch(Request(head: head, body: body, trailers: trailers), bytesIn: headLength + bodyLength)
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
