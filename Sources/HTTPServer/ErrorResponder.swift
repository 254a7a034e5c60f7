import Foundation

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

    /// Reports unexpected errors on standard error.
    public static let standardError = ErrorResponder { error, request in
        let id = request.requestID.map { " [request \($0)]" } ?? ""
        FileHandle.standardError.write(Data("error\(id) handling \(request.method) \(request.path): \(type(of: error)): \(error)\n".utf8))
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
