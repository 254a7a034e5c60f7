#if canImport(Glibc)
import Glibc
#endif

/// Non-blocking socket operations on raw descriptors. Every call retries `EINTR`
/// and reports other failures as ``SocketError``.
public enum Socket {
    /// Disables Nagle's algorithm, so a response written in one call leaves at once instead of
    /// waiting for the client's delayed ACK.
    public static func setNoDelay(_ fd: Int32) throws(SocketError) {
        try setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1, call: "setsockopt(TCP_NODELAY)")
    }

    /// Sets an integer socket option.
    public static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32, call: String) throws(SocketError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else { throw .current(call) }
    }

    /// Reads once into `buffer`. A reset connection counts as the end of the stream.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> ReadOutcome {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case ECONNRESET, ETIMEDOUT: return .endOfStream
            default: throw .current("read")
            }
        }
    }

    /// Sends as much of `bytes` as the socket accepts without blocking and returns the count sent
    /// (less than `bytes.count` when the send buffer is full). `MSG_NOSIGNAL` turns a vanished peer
    /// into `EPIPE` instead of a process-killing `SIGPIPE`.
    public static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        try sendWhileAccepted(total: bytes.count, call: "send") { sent in
            Glibc.send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
        }
    }

    /// Calls `attempt` (given the count sent so far; it returns what one system call sent, or -1)
    /// until `total` bytes are sent or the socket would block: retried on `EINTR`, the count so far
    /// on `EAGAIN`, any other error thrown, named `call`. The one loop behind every send.
    static func sendWhileAccepted(total: Int, call: String, _ attempt: (Int) -> Int) throws(SocketError) -> Int {
        var sent = 0
        while sent < total {
            let count = attempt(sent)
            if count >= 0 {
                sent += count
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return sent
            default: throw .current(call)
            }
        }
        return sent
    }

    /// Sends `bytes` from a Swift array; see ``send(_:_:)-(Int32,UnsafeRawBufferPointer)``.
    public static func send(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(SocketError) -> Int {
        if bytes.isEmpty { return 0 }
        let result: Result<Int, SocketError> = bytes.withUnsafeBytes { raw in
            do throws(SocketError) { return .success(try send(fd, raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Closes the sending side only: the peer reads our last bytes and then end-of-stream.
    public static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes `fd`. Linux releases the descriptor even when `close` reports `EINTR`, so it is never retried.
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
