#if canImport(Glibc)
import Glibc
#endif

extension Socket {
    /// Sends `head` and then `body` as one stream, with `sendmsg(2)` gathering both buffers, so
    /// that a large body need not first be copied behind its head. Returns the count sent of the
    /// two together (less than their sum when the send buffer is full); `MSG_NOSIGNAL` as in
    /// ``send(_:_:)-(Int32,UnsafeRawBufferPointer)``.
    public static func send(_ fd: Int32, _ head: UnsafeRawBufferPointer, _ body: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        try sendWhileAccepted(total: head.count + body.count, call: "sendmsg") { sent in
            // After a partial send, the vectors start where the kernel stopped.
            let headLeft = max(0, head.count - sent)
            let bodySent = sent - (head.count - headLeft)
            var vectors = (
                iovec(iov_base: headLeft > 0 ? UnsafeMutableRawPointer(mutating: head.baseAddress! + (head.count - headLeft)) : nil,
                      iov_len: headLeft),
                iovec(iov_base: body.count > bodySent ? UnsafeMutableRawPointer(mutating: body.baseAddress! + bodySent) : nil,
                      iov_len: body.count - bodySent)
            )
            return withUnsafeMutableBytes(of: &vectors) { raw -> Int in
                var message = msghdr()
                message.msg_iov = raw.baseAddress!.assumingMemoryBound(to: iovec.self)
                message.msg_iovlen = 2
                return Glibc.sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
            }
        }
    }

    /// ``send(_:_:_:)`` for a head and a body in Swift arrays.
    public static func send(_ fd: Int32, _ head: ArraySlice<UInt8>, _ body: [UInt8]) throws(SocketError) -> Int {
        let result: Result<Int, SocketError> = head.withUnsafeBytes { head in
            body.withUnsafeBytes { body in
                do throws(SocketError) { return .success(try send(fd, head, body)) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }
}
