/// An HTTP response: status, headers and body bytes. The server adds `Date`, `Content-Length`,
/// `Connection` and (when missing) `Content-Type` on the way out.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `body` with the given `Content-Type`.
    public static func bytes(_ body: [UInt8], contentType: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": contentType], body: body)
    }

    /// Already-encoded JSON as `application/json`.
    public static func json(_ body: [UInt8], status: HTTPStatus = .ok) -> Response {
        bytes(body, contentType: "application/json", status: status)
    }

    /// UTF-8 text as `text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        bytes(Array(text.utf8), contentType: "text/plain; charset=utf-8", status: status)
    }

    /// A problem document as `application/problem+json` with the problem's status.
    public static func problem(_ problem: ProblemDocument) -> Response {
        problem.response()
    }

    /// A problem with the given status and detail.
    public static func problem(_ status: HTTPStatus, detail: String? = nil) -> Response {
        problem(ProblemDocument(status: status, detail: detail))
    }
}
