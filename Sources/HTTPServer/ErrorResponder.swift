import Foundation
import Logging

/// The one place where a thrown error becomes a response, whichever layer threw it (a handler, the
/// router's 404 or 405, any middleware): an ``HTTPResponseError`` becomes its problem document with
/// the request's path as `instance`; anything else is answered with a 500 problem that reveals
/// nothing of the cause. Every error that becomes a 500 is reported (with the request, so its id
/// can be logged): a fault of the server, whether or not its type knows its response.
public struct ErrorResponder: Sendable {
    private let report: @Sendable (any Error, Request) -> Void

    /// - Parameter report: called with each error that becomes a 500, before it is sent.
    public init(report: @escaping @Sendable (any Error, Request) -> Void) {
        self.report = report
    }

    /// Reports unexpected errors to `logger` as `request failed`, with the request's id, method and
    /// path (the server's default: its ``ServerConfiguration/logger``).
    public static func logging(to logger: Logger) -> ErrorResponder {
        ErrorResponder { error, request in
            logger.error("request failed", error: error, metadata: [
                "request_id": "\(request.requestID ?? "-")", "method": "\(request.method.rawValue)", "path": "\(request.path)",
            ])
        }
    }

    /// The response for `error`, raised while answering `request`.
    public func response(for error: any Error, request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            if error.status == .internalServerError { report(error, request) }
            return error.makeResponse(instance: request.path)
        }
        report(error, request)
        return ProblemDocument(status: .internalServerError, detail: "The server could not complete the request.", instance: request.path)
            .response()
    }
}
