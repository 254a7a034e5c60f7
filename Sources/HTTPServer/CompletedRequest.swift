/// What the server reports after each response, for access logs and metrics.
public struct CompletedRequest: Sendable {
    /// The request as the middleware chain left it (with its request id, role and route captures),
    /// or `nil` when the bytes never formed a request (a parse error or a header timeout).
    public var request: Request?
    /// The response as sent (after middleware and compression); its body is dropped to save a copy.
    public var status: HTTPStatus
    public var responseHeaders: HTTPHeaders
    /// Request bytes read: head and body as framed on the wire.
    public var bytesIn: Int
    /// Response bytes written: head and body.
    public var bytesOut: Int
    /// Seconds from the complete request to the serialized response.
    public var duration: Double
    /// The peer as `host:port`.
    public var remoteAddress: String

    /// The matched route's pattern (``Request/route``), or `nil` when no route answered.
    public var route: String? { request?.route }
}
