import HTTPServer
import Survey

/// Why a submission was not stored. Each maps to one status (``apiError``).
public enum SubmissionError: Error, Sendable, Equatable {
    /// Neither `If-Match` nor `If-None-Match: *` was sent (428, RFC 6585 §3).
    case preconditionRequired(currentTag: String?)
    /// The `If-Match` tag is not the current version's (412, RFC 9110 §13.1.1); `nil`: no answers yet.
    case preconditionFailed(currentTag: String?)
    /// The document breaks the questionnaire or its skip logic (422).
    case invalid(ValidationErrors)
    /// The `Idempotency-Key` was used before for a different request (422; see docs/submissions.md).
    case idempotencyKeyReused
    /// The body is not JSON (400).
    case malformedJSON(String)
    /// The body's media type is not the one the method takes (415).
    case unsupportedMediaType(expected: String)
    /// A respondent code that does not exist (404).
    case unknownRespondent(String)

    /// The problem this becomes in the one error-mapping place.
    var apiError: APIError {
        switch self {
        case let .preconditionRequired(tag):
            let hint = tag.map { "send If-Match: \($0) (the current version's ETag)" } ?? "send If-None-Match: * to create the first version"
            return .invalid(status: .preconditionRequired, detail: "A write needs a precondition so that two editors never overwrite each other: \(hint).", errors: [])
        case let .preconditionFailed(tag):
            let now = tag.map { "the current version is \($0)" } ?? "there are no answers yet (use If-None-Match: *)"
            return .invalid(status: .preconditionFailed, detail: "The answers changed since you read them: \(now). Read them again, re-apply your change and send it with the new ETag.", errors: [])
        case let .invalid(errors):
            let count = errors.problems.count
            return .invalid(status: .unprocessableContent,
                            detail: "The answers were not stored: \(count) problem\(count == 1 ? "" : "s") to correct.",
                            errors: errors.problems.map { APIError.Item(pointer: $0.pointer, detail: $0.detail) })
        case .idempotencyKeyReused:
            return .invalid(status: .unprocessableContent,
                            detail: "This Idempotency-Key was already used for a different request; use a new key for a new submission.",
                            errors: [APIError.Item(parameter: "Idempotency-Key", detail: "reused with a different method or body")])
        case let .malformedJSON(detail):
            return .invalid(status: .badRequest, detail: detail, errors: [])
        case let .unsupportedMediaType(expected):
            return .invalid(status: .unsupportedMediaType, detail: "Send the body as Content-Type: \(expected).", errors: [])
        case let .unknownRespondent(code):
            return .notFound("There is no respondent with code '\(code)'.")
        }
    }
}
