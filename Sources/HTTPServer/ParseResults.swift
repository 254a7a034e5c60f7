/// The outcome of parsing a request head from the start of a buffer.
public enum HeadParseResult: Sendable {
    /// A complete head, `consumed` bytes long (including its final CRLF).
    case complete(RequestHead, consumed: Int)
    /// More bytes are needed.
    case incomplete
    /// The bytes cannot begin a valid request.
    case invalid(HTTPParseError)
}

/// The outcome of parsing a body that starts at the beginning of a buffer.
public enum BodyParseResult: Sendable {
    /// The whole body, any trailer fields, and the bytes it took.
    case complete(body: [UInt8], trailers: HTTPHeaders, consumed: Int)
    /// More bytes are needed.
    case incomplete
    /// The body is malformed or too large.
    case invalid(HTTPParseError)
}

/// The outcome of parsing one whole request from the start of a buffer.
public enum ParseResult: Sendable {
    /// A complete request and the bytes it took; bytes after it belong to the next request.
    case complete(Request, consumed: Int)
    /// More bytes are needed.
    case incomplete
    /// The bytes cannot begin a valid request.
    case invalid(HTTPParseError)
}
