import Foundation
import HTTPServer
import Logging
import Storage
import Survey

/// The one place where an error thrown by a route becomes a response: the API's own errors,
/// the survey domain's, the storage layer's and the HTTP layer's each get their status here.
/// Anything unexpected is logged and answered with a bare 500 that reveals nothing.
public enum ErrorMapping {
    /// The problem response for `error` raised while answering `request`; an unexpected error is
    /// logged to `events` (with the request id), or to swift-log's default logger when there is none.
    public static func response(for error: any Error, request: Request, events: Logger? = nil) -> Response {
        let instance = request.path
        switch error {
        case let error as APIError:
            var headers = HTTPHeaders()
            if case .unauthorized = error {
                // RFC 6750 §3.1: no error code when the request carried no credentials at all.
                let challenge = request.headers["Authorization"] == nil
                    ? "Bearer realm=\"betakomm\"" : "Bearer realm=\"betakomm\", error=\"invalid_token\""
                headers.add("WWW-Authenticate", challenge)
            }
            if case .unavailable = error { headers.add("Retry-After", "1") }
            return ProblemDocument(type: error.type, status: error.status, detail: error.detail, instance: instance,
                                   errors: error.items).response(headers: headers)
        case let error as SurveyError:
            return problem(for: error, instance: instance).response()
        case let error as DatabaseError where error.isBusy:
            return ProblemDocument(type: APIError.unavailable("").type, status: .serviceUnavailable,
                                   detail: "The database is busy; try again.", instance: instance, errors: [])
                .response(headers: ["Retry-After": "1"])
        case let error as HTTPError:
            return ProblemDocument(type: error.type, status: error.status, detail: error.detail ?? error.status.reasonPhrase,
                                   instance: instance, errors: []).response(headers: error.responseHeaders)
        case let error as any HTTPResponseError:
            var response = error.makeResponse()
            response.headers.set("Cache-Control", "no-store")
            return response
        default:
            // DatabaseError, StorageError, StoreError and the rest: a fault of ours, not the client's.
            (events ?? Logger(label: "betakomm")).error("request failed", error: error, metadata: [
                "request_id": "\(request.requestID ?? "-")", "method": "\(request.method.rawValue)", "path": "\(request.path)",
            ])
            return ProblemDocument(type: "about:blank", status: .internalServerError,
                                   detail: "The server could not complete the request.", instance: instance, errors: [])
                .response()
        }
    }

    /// Unknown things named in the URL are the client's error: 404 for a resource, 400 for a parameter.
    static func problem(for error: SurveyError, instance: String) -> ProblemDocument {
        switch error {
        case .unknownQuestion, .unknownFigure, .unknownRespondent, .noAnswers:
            return ProblemDocument(type: APIError.notFound("").type, status: .notFound, detail: error.description.capitalizedFirst + ".",
                                   instance: instance, errors: [])
        case let .unknownOption(question, _):
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: .badRequest,
                                   detail: error.description.capitalizedFirst + ".", instance: instance,
                                   errors: [APIError.Item(parameter: question, detail: error.description)])
        case let .unknownGroup(group):
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: .badRequest,
                                   detail: error.description.capitalizedFirst + ".", instance: instance,
                                   errors: [APIError.Item(parameter: "by", detail: "cannot group by '\(group)'")])
        case .notNumeric:
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: .badRequest,
                                   detail: error.description.capitalizedFirst + ".", instance: instance, errors: [])
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
