import Sockets

extension HTTPConnection {
    /// Serializes the response for `request` behind any earlier ones and reports it.
    /// Takes the request and response (`consuming`): the completion report moves them on instead of copying.
    func finish(_ request: consuming Request, response: consuming Response, bytesIn: Int, started: UInt64) {
        let server = context.server
        // A handler or middleware may ask to close with its own `Connection: close`. A client that
        // half-closed still gets every request it sent answered; the connection closes after the last.
        let keepAlive = request.keepAlive && !server.draining && !response.headers.asksToClose
        let bytesOut = appendResponse(
            response, omitBody: request.method == .head, keepAlive: keepAlive,
            announceKeepAlive: keepAlive && request.version == .http1_0
        )
        if !keepAlive { closeAfterWrite = true }
        setDeadline(.idle)
        report(request, response, bytesIn: bytesIn, bytesOut: bytesOut, started: started)
    }

    /// Answers a request that could not be parsed (or arrived too slowly) and closes: after a
    /// framing error the rest of the stream cannot be trusted (RFC 9112 §6.3).
    func reject(_ error: any HTTPResponseError) {
        pending = nil
        unreadInputPossible = true
        let response = error.makeResponse()
        let bytesOut = appendResponse(response, omitBody: false, keepAlive: false, announceKeepAlive: false)
        closeAfterWrite = true
        report(nil, response, bytesIn: 0, bytesOut: bytesOut, started: MonotonicTime.now())
        flush()
    }

    private func appendResponse(_ response: Response, omitBody: Bool, keepAlive: Bool, announceKeepAlive: Bool) -> Int {
        let date = context.dateCache.current()
        if output.isEmpty && !omitBody && !response.status.forbidsContent && response.body.count >= Self.bodyGatheredFrom {
            // A large body (a cached API document, say) is not copied behind its head: the head
            // goes into the scratch buffer and both leave now in one gathering send (the body is
            // copied only if the socket takes less than all of it).
            let head = ResponseSerializer.serialize(response, omitBody: true, keepAlive: keepAlive, announceKeepAlive: announceKeepAlive, date: date, into: &context.writeScratch)
            sendScratch(followedBy: response.body)
            return head + response.body.count
        }
        if output.isEmpty {
            return ResponseSerializer.serialize(response, omitBody: omitBody, keepAlive: keepAlive, announceKeepAlive: announceKeepAlive, date: date, into: &context.writeScratch)
        }
        return ResponseSerializer.serialize(response, omitBody: omitBody, keepAlive: keepAlive, announceKeepAlive: announceKeepAlive, date: date, into: &output)
    }

    private func report(_ request: consuming Request?, _ response: consuming Response, bytesIn: Int, bytesOut: Int, started: UInt64) {
        let server = context.server
        server.metrics.requestServed()
        guard let hook = server.onRequestCompleted else { return }
        let elapsed = Double(MonotonicTime.now() &- started) / 1_000_000_000
        hook(CompletedRequest(
            request: request, status: response.status, responseHeaders: response.headers,
            bytesIn: bytesIn, bytesOut: bytesOut, duration: elapsed, remoteAddress: remoteAddress
        ))
    }

    /// After one very large response the shared write buffer is released rather than kept at that size.
    static let scratchCapacityKept = 1024 * 1024
    /// Bodies from this size on are sent from their own array by ``sendScratch(followedBy:)``;
    /// below it, copying is cheaper than the kernel's walk over two buffers.
    static let bodyGatheredFrom = 8 * 1024

    /// Sends the scratch buffer (everything serialized so far this turn, ending with a head) and
    /// then `body`, in one `sendmsg(2)`. An unsent remainder stays in the scratch buffer, as if it
    /// had been copied there, so that the connection keeps taking pipelined requests this turn and
    /// ``flush()`` moves what is left into the connection as usual.
    private func sendScratch(followedBy body: [UInt8]) {
        let headCount = context.writeScratch.count
        do {
            let sent = try Socket.send(fd, context.writeScratch[...], body)
            if sent < headCount {
                context.writeScratch.removeFirst(sent)
                context.writeScratch += body
            } else {
                context.writeScratch.removeAll(keepingCapacity: true)
                context.writeScratch += body[(sent - headCount)...]
            }
        } catch {
            // EPIPE / ECONNRESET: the client is gone.
            context.writeScratch.removeAll(keepingCapacity: true)
            close()
        }
    }

    /// Sends pending bytes: first the connection's own backlog, then whatever this loop turn
    /// serialized into the shared scratch buffer; an unsent remainder moves into the connection.
    func flush() {
        guard !closed else {
            context.writeScratch.removeAll(keepingCapacity: true)
            return
        }
        do {
            if !output.isEmpty {
                let sent = try Socket.send(fd, output[outputOffset...])
                outputOffset += sent
                if outputOffset == output.count {
                    output = []
                    outputOffset = 0
                } else {
                    setDeadline(.write)
                }
            } else if !context.writeScratch.isEmpty {
                let sent = try Socket.send(fd, context.writeScratch[...])
                if sent < context.writeScratch.count {
                    output = Array(context.writeScratch[sent...])
                    setDeadline(.write)
                }
                context.writeScratch.removeAll(keepingCapacity: context.writeScratch.capacity <= Self.scratchCapacityKept)
            }
        } catch {
            // EPIPE / ECONNRESET: the client is gone.
            context.writeScratch.removeAll(keepingCapacity: true)
            return close()
        }
        if output.isEmpty && closeAfterWrite && !lingering {
            // The request was read whole and nothing follows it: close now, as nginx does. Only
            // when unread bytes may remain (an error response, or bytes after the last request)
            // would closing reset the connection and lose the response (RFC 9112 §9.6), so only
            // then half-close and drain first.
            guard unreadInputPossible || unparsedCount > 0 || pending != nil else { return close() }
            beginLingeringClose()
        } else if output.isEmpty && peerClosed && !inFlight && !resumeScheduled && !lingering && context.writeScratch.isEmpty {
            // The client half-closed and everything it sent has been answered (what is left, if
            // anything, is an incomplete request that can no longer complete).
            return close()
        }
        updateInterest()
    }

    /// Half-closes and reads until the client closes too (bounded), so that unread request bytes do
    /// not make the kernel reset the connection before the client has read our last response.
    private func beginLingeringClose() {
        lingering = true
        Socket.shutdownWrite(fd)
        setDeadline(.linger)
    }

    func drainWhileLingering() {
        while true {
            guard let outcome = readIntoScratch() else { return }
            switch outcome {
            case .wouldBlock: return
            case .endOfStream: return close()
            case .bytes(let count):
                lingerBytes += count
                if lingerBytes > 1024 * 1024 { return close() }
            }
        }
    }

    func updateInterest() {
        guard !closed else { return }
        let wanted: IOEvents
        if lingering {
            wanted = .readable
        } else if !output.isEmpty {
            wanted = .writable
        } else if inFlight || closeAfterWrite || unparsedCount >= inputLimit {
            // Not reading: busy, closing, or the input bound is reached (the scheduled resume
            // processes the backlog, and reading starts again below the bound).
            wanted = []
        } else {
            wanted = .readable
        }
        guard wanted != interest || watchingPeerClose != peerCloseWatched else { return }
        do {
            try context.loop.modify(fd, events: wanted, watchPeerClose: watchingPeerClose)
            interest = wanted
            peerCloseWatched = watchingPeerClose
        } catch {
            close()
        }
    }

    func setDeadline(_ reason: DeadlineReason) {
        let configuration = context.server.configuration
        let seconds: Double
        switch reason {
        case .idle, .write: seconds = configuration.idleTimeout
        case .body: seconds = configuration.bodyTimeout
        case .header: seconds = configuration.headerTimeout
        case .linger: seconds = 2
        }
        deadlineReason = reason
        deadline = context.loop.now &+ MonotonicTime.nanoseconds(seconds)
    }

    /// Acts on an expired deadline: a head or body not received in time gets 408; anything else just closes.
    func checkDeadline(_ now: UInt64) {
        guard !closed, deadline != 0, now >= deadline else { return }
        if (deadlineReason == .header || deadlineReason == .body) && !closeAfterWrite && !lingering && !inFlight {
            let part = deadlineReason == .header ? "head" : "body"
            reject(HTTPError(.requestTimeout, detail: "The request \(part) was not received in time."))
            flush()
        } else {
            close()
        }
    }

    func closeIfIdle() {
        if !closed && isIdle { close() }
    }

    /// Closes the connection now. Safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        context.loop.close(fd)
        context.remove(self)
        context.server.clients.release(client)
        context.server.metrics.connectionClosed()
        output = []
    }
}
