import HTTPServer
import Survey

/// Why a submission was not stored. Each maps to one status and problem (`ErrorProblems.swift`).
enum SubmissionError: Error, Sendable, Equatable {
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

}
