/// A plain error with a status and a detail sentence, for handlers and middleware:
/// `throw HTTPError(.notFound, detail: "No figure 27.")`.
public struct HTTPError: HTTPResponseError, Sendable, Equatable {
    public var status: HTTPStatus
    public var detail: String?
    /// A problem type URI; `about:blank` by default.
    public var type: String
    public var responseHeaders: HTTPHeaders

    public init(_ status: HTTPStatus, detail: String? = nil, type: String = "about:blank", headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.detail = detail
        self.type = type
        self.responseHeaders = headers
    }

    public var problem: ProblemDocument {
        ProblemDocument(type: type, status: status, detail: detail)
    }

    public static func == (lhs: HTTPError, rhs: HTTPError) -> Bool {
        lhs.status == rhs.status && lhs.detail == rhs.detail && lhs.type == rhs.type
    }
}
