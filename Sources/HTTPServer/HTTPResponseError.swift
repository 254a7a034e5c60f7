/// An error that knows the response it should become: its status, its problem document and any
/// headers it needs (`Allow`, `Retry-After`, `WWW-Authenticate`). Handlers and middleware throw;
/// ``ErrorResponder`` turns every error into a response in one place: these become their problem,
/// anything else a 500 that reveals nothing. An application makes its own and its domain's errors
/// conform, so that every layer's errors take this one path.
public protocol HTTPResponseError: Error {
    /// The response status.
    var status: HTTPStatus { get }
    /// The problem document for the body (without `instance`, which comes from the request).
    var problem: ProblemDocument { get }
    /// Extra response headers; none by default.
    var responseHeaders: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var responseHeaders: HTTPHeaders { HTTPHeaders() }

    /// The problem as `application/problem+json` with ``responseHeaders``; `instance` names the
    /// request's path when there is a request.
    public func makeResponse(instance: String? = nil) -> Response {
        var problem = problem
        if let instance { problem.instance = instance }
        return problem.response(headers: responseHeaders)
    }
}
