/// An error that knows the response it should become. The server turns every thrown error into a
/// response in one place (``ErrorResponder``): these become their own response, anything else a bare 500.
public protocol HTTPResponseError: Error {
    /// The response status.
    var status: HTTPStatus { get }
    /// The problem document for the body.
    var problem: ProblemDetails { get }
    /// Extra response headers (e.g. `Allow`, `WWW-Authenticate`); none by default.
    var responseHeaders: HTTPHeaders { get }
    /// The full response; by default the problem as `application/problem+json` with ``responseHeaders``.
    func makeResponse() -> Response
}

extension HTTPResponseError {
    public var responseHeaders: HTTPHeaders { HTTPHeaders() }

    public func makeResponse() -> Response {
        var response = Response.problem(problem)
        for field in responseHeaders { response.headers.add(field.name, field.value) }
        return response
    }
}
