/// A strict HTTP/1.1 request parser (RFC 9112) shaped like picohttpparser: pure functions over a
/// byte buffer that report complete (with the bytes consumed), incomplete, or invalid.
///
/// The parser keeps no state between calls; callers re-run it over the grown buffer. Lines must end
/// in CRLF: a bare LF is rejected as well as a bare CR (RFC 9112 §2.2 lets a server accept a bare
/// LF, this one chooses not to so that every hop parses a message the same way). Up to four empty
/// lines before a request-line are skipped, as §2.2 recommends.
public struct HTTPParser: Sendable {
    /// The caps the parser enforces.
    public struct Limits: Sendable, Equatable {
        /// Longest request-line, excluding CRLF (414 beyond).
        public var maxRequestLineBytes: Int
        /// Largest header section after the request-line, including CRLFs (431 beyond); also caps trailers.
        public var maxHeaderBytes: Int
        /// Most header field lines (431 beyond).
        public var maxHeaderCount: Int
        /// Largest body (413 beyond).
        public var maxBodyBytes: Int
        /// Longest chunk-size line including extensions (400 beyond).
        public var maxChunkLineBytes: Int

        public init(
            maxRequestLineBytes: Int = 8 * 1024,
            maxHeaderBytes: Int = 16 * 1024,
            maxHeaderCount: Int = 100,
            maxBodyBytes: Int = 1024 * 1024,
            maxChunkLineBytes: Int = 1024
        ) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
            self.maxChunkLineBytes = maxChunkLineBytes
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses one whole request (head and body) from the start of `bytes`.
    public func parse(_ bytes: [UInt8]) -> ParseResult {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// Parses one whole request (head and body) from the start of `buffer`.
    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> ParseResult {
        switch parseHead(buffer) {
        case .incomplete: return .incomplete
        case .invalid(let error): return .invalid(error)
        case .complete(let head, let headLength):
            let rest = UnsafeBufferPointer(rebasing: buffer[headLength...])
            switch parseBody(framing: head.framing, rest) {
            case .incomplete: return .incomplete
            case .invalid(let error): return .invalid(error)
            case .complete(let body, let trailers, let bodyLength):
                return .complete(Request(head: head, body: body, trailers: trailers), consumed: headLength + bodyLength)
            }
        }
    }

    /// Parses a body framed as `framing` from the start of `buffer` (the bytes right after the head).
    public func parseBody(framing: BodyFraming, _ buffer: UnsafeBufferPointer<UInt8>) -> BodyParseResult {
        switch framing {
        case .none:
            return .complete(body: [], trailers: HTTPHeaders(), consumed: 0)
        case .length(let length):
            guard length <= limits.maxBodyBytes else { return .invalid(.contentTooLarge) }
            guard buffer.count >= length else { return .incomplete }
            return .complete(body: Array(buffer[0..<length]), trailers: HTTPHeaders(), consumed: length)
        case .chunked:
            return parseChunkedBody(buffer)
        }
    }

    /// The index of the first LF in `buffer[start..<end]`, or `nil`.
    @inline(__always)
    func indexOfLineFeed(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(ASCII.lf), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

#if canImport(Glibc)
import Glibc
#endif
