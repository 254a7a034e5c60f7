import Foundation
import Logging

/// The one place where a thrown error becomes a response.
public enum ErrorResponder {
    /// The response for `error`: an ``HTTPResponseError`` makes its own; anything else is logged to
    /// `logger` (the server's, ``ServerConfiguration/logger``; without one, swift-log's default) and
    /// answered with a bare 500 problem that reveals nothing of the cause.
    public static func response(for error: any Error, request: Request? = nil, logger: Logger? = nil) -> Response {
        if let error = error as? any HTTPResponseError {
            return error.makeResponse()
        }
        var metadata: Logger.Metadata = [:]
        if let request {
            metadata = ["request_id": "\(request.requestID ?? "-")", "method": "\(request.method.rawValue)", "path": "\(request.path)"]
        }
        (logger ?? Logger(label: "HTTPServer")).error("request failed", error: error, metadata: metadata)
        return Response.problem(ProblemDetails(status: .internalServerError, detail: "The server could not complete the request."))
    }
}
