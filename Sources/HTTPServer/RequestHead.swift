/// A parsed request-line and header section, before the body is read.
public struct RequestHead: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received.
    public var target: String
    /// The path, percent-decoded once (`*` for an asterisk-form OPTIONS).
    public var path: String
    /// The path's segments, each percent-decoded once; a decoded `/` stays inside its segment.
    public var pathSegments: [String]
    public var query: QueryParameters
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var framing: BodyFraming
    /// Whether the connection may stay open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// Whether the client sent `Expect: 100-continue` in an HTTP/1.1 request.
    public var expectsContinue: Bool
}
