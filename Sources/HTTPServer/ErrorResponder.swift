import Foundation

/// The one place where a thrown error becomes a response.
public enum ErrorResponder {
    /// The response for `error`: an ``HTTPResponseError`` makes its own; anything else is logged to
    /// standard error and answered with a bare 500 problem that reveals nothing of the cause.
    public static func response(for error: any Error, request: Request? = nil) -> Response {
        if let error = error as? any HTTPResponseError {
            return error.makeResponse()
        }
        let location = request.map { " handling \($0.method) \($0.path)" } ?? ""
        let id = request?.requestID.map { " [request \($0)]" } ?? ""
        FileHandle.standardError.write(Data("error\(id)\(location): \(type(of: error)): \(error)\n".utf8))
        return Response.problem(ProblemDetails(status: .internalServerError, detail: "The server could not complete the request."))
    }
}
