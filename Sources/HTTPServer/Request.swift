/// An HTTP request as handlers see it.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received (still percent-encoded).
    public var target: String
    /// The path, percent-decoded once.
    public var path: String
    /// The path's segments, each percent-decoded once (`/a/b%2Fc` → `["a", "b/c"]`).
    public var pathSegments: [String]
    /// Query parameters in order, percent-decoded, `+` as space.
    public var query: QueryParameters
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Trailer fields of a chunked body.
    public var trailers: HTTPHeaders
    /// Values captured by the matched route's `:name` segments.
    public var pathParameters = PathParameters()
    /// The peer as `host:port`.
    public var remoteAddress: String = ""
    /// A request id, for middleware to assign and log.
    public var requestID: String?
    /// The pattern of the route that matched (e.g. `/v1/figures/:n`), set by ``Router`` before it
    /// calls the route's handler; `nil` before routing and when no route matched. Metrics label
    /// by it rather than by the raw path, whose values are unbounded.
    public var route: String?
    /// Who is asking, as the application's authenticating middleware resolved it, once per
    /// request; `nil` for an anonymous request (or before that middleware ran). The application
    /// reads it back as its own type (see ``RequestPrincipal``).
    public var principal: (any RequestPrincipal)?
    /// Whether the connection may stay open after this request.
    var keepAlive: Bool

    init(head: consuming RequestHead, body: [UInt8], trailers: HTTPHeaders) {
        method = head.method
        target = head.target
        path = head.path
        pathSegments = head.pathSegments
        query = head.query
        version = head.version
        headers = head.headers
        self.body = body
        self.trailers = trailers
        keepAlive = head.keepAlive
    }

    /// A request built in code, e.g. to exercise handlers and middleware in tests without a socket.
    public init(
        method: HTTPMethod, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], version: HTTPVersion = .http1_1
    ) throws(HTTPParseError) {
        let parsed = try RequestTarget.parse(target, method: method).get()
        self.method = method
        self.target = target
        path = parsed.path
        pathSegments = parsed.segments
        query = parsed.query
        self.version = version
        self.headers = headers
        self.body = body
        trailers = HTTPHeaders()
        keepAlive = true
    }

    /// The value captured for a route's `:name` segment.
    public func parameter(_ name: String) -> String? {
        pathParameters[name]
    }

    /// The body as UTF-8 text, or `nil` if it is not UTF-8.
    public var bodyText: String? {
        String(validating: body, as: UTF8.self)
    }
}
