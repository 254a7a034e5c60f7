import HTTPServer
import Storage
import Survey
import SurveyData

// The one place where errors meet HTTP: each error type that can reach a response says here what
// status, problem and headers it becomes. Handlers and middleware just throw; the server's
// ``ErrorResponder`` (built in ``buildApplication(configuration:tokenResolver:onRequestCompleted:logs:)``)
// turns each into its problem, from whichever layer it came, with the request's path as
// `instance`, and logs every 500 with the request id.

extension APIError: HTTPResponseError {
    public var problem: ProblemDocument {
        ProblemDocument(type: type, status: status, detail: detail, errors: items)
    }

    public var responseHeaders: HTTPHeaders {
        switch self {
        // RFC 6750 §3.1: no error code when the request carried no credentials at all.
        case .unauthorized: ["WWW-Authenticate": "Bearer realm=\"betakomm\""]
        case .invalidToken: ["WWW-Authenticate": "Bearer realm=\"betakomm\", error=\"invalid_token\""]
        case .unavailable: ["Retry-After": "1"]
        default: HTTPHeaders()
        }
    }
}

extension SubmissionError: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .preconditionRequired: .preconditionRequired
        case .preconditionFailed: .preconditionFailed
        case .invalid, .idempotencyKeyReused: .unprocessableContent
        case .malformedJSON: .badRequest
        case .unsupportedMediaType: .unsupportedMediaType
        case .unknownRespondent: .notFound
        }
    }

    public var problem: ProblemDocument {
        switch self {
        case let .preconditionRequired(tag):
            let hint = tag.map { "send If-Match: \($0) (the current version's ETag)" } ?? "send If-None-Match: * to create the first version"
            return invalidRequest("A write needs a precondition so that two editors never overwrite each other: \(hint).")
        case let .preconditionFailed(tag):
            let now = tag.map { "the current version is \($0)" } ?? "there are no answers yet (use If-None-Match: *)"
            return invalidRequest("The answers changed since you read them: \(now). Read them again, re-apply your change and send it with the new ETag.")
        case let .invalid(errors):
            let count = errors.problems.count
            return invalidRequest("The answers were not stored: \(count) problem\(count == 1 ? "" : "s") to correct.",
                                  errors: errors.problems.map { ProblemDocument.Item(pointer: $0.pointer, detail: $0.detail) })
        case .idempotencyKeyReused:
            return invalidRequest("This Idempotency-Key was already used for a different request; use a new key for a new submission.",
                                  errors: [ProblemDocument.Item(parameter: "Idempotency-Key", detail: "reused with a different method or body")])
        case let .malformedJSON(detail):
            return invalidRequest(detail)
        case let .unsupportedMediaType(expected):
            return invalidRequest("Send the body as Content-Type: \(expected).")
        case let .unknownRespondent(code):
            return APIError.notFound("There is no respondent with code '\(code)'.").problem
        }
    }

    private func invalidRequest(_ detail: String, errors: [ProblemDocument.Item] = []) -> ProblemDocument {
        ProblemDocument(type: "urn:betakomm:problem:invalid-request", status: status, detail: detail, errors: errors)
    }
}

/// Unknown things named in the URL are the client's error: 404 for a resource, 400 for a parameter.
extension SurveyError: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .unknownQuestion, .unknownFigure, .unknownRespondent, .noAnswers: .notFound
        case .unknownOption, .unknownGroup, .notNumeric: .badRequest
        }
    }

    public var problem: ProblemDocument {
        let sentence = description.prefix(1).uppercased() + description.dropFirst() + "."
        switch self {
        case .unknownQuestion, .unknownFigure, .unknownRespondent, .noAnswers:
            return ProblemDocument(type: APIError.notFound("").type, status: status, detail: sentence)
        case let .unknownOption(question, _):
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: status, detail: sentence,
                                   errors: [ProblemDocument.Item(parameter: question, detail: description)])
        case let .unknownGroup(group):
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: status, detail: sentence,
                                   errors: [ProblemDocument.Item(parameter: "by", detail: "cannot group by '\(group)'")])
        case .notNumeric:
            return ProblemDocument(type: APIError.invalidParameter("", detail: "").type, status: status, detail: sentence)
        }
    }
}

/// A busy database (another writer holds the lock past the busy timeout) or one that cannot be
/// opened or read (missing, unreadable, not a database) is 503 with `Retry-After`, from any layer;
/// any other database error is a fault of ours: a 500 that names nothing, logged.
extension DatabaseError: HTTPResponseError {
    public var status: HTTPStatus {
        isBusy || isFileUnavailable ? .serviceUnavailable : .internalServerError
    }

    public var problem: ProblemDocument {
        if isBusy { return APIError.unavailable("The database is busy; try again.").problem }
        if isFileUnavailable { return APIError.unavailable("The database is unavailable; try again.").problem }
        return APIError.internalProblem
    }

    public var responseHeaders: HTTPHeaders {
        status == .serviceUnavailable ? ["Retry-After": "1"] : HTTPHeaders()
    }
}

/// A closed pool (the server is shutting down) is 503; the rest are programming errors (500, logged).
extension StorageError: HTTPResponseError {
    public var status: HTTPStatus {
        if case .poolClosed = self { return .serviceUnavailable }
        return .internalServerError
    }

    public var problem: ProblemDocument {
        if case .poolClosed = self { return APIError.unavailable("The database is closed; try again.").problem }
        return APIError.internalProblem
    }

    public var responseHeaders: HTTPHeaders {
        status == .serviceUnavailable ? ["Retry-After": "1"] : HTTPHeaders()
    }
}

extension APIError {
    /// The body of every 500: it reveals nothing of the cause.
    static let internalProblem = ProblemDocument(status: .internalServerError, detail: "The server could not complete the request.")
}

/// 422 listing every problem of the file by row and column; nothing was imported.
extension InvalidImport: HTTPResponseError {
    var status: HTTPStatus { .unprocessableContent }

    var problem: ProblemDocument {
        let count = report.problems.count
        return ProblemDocument(
            type: "urn:betakomm:problem:invalid-import", status: status,
            detail: "Nothing was imported: \(count) problem\(count == 1 ? "" : "s") in \(report.rows) rows.",
            errors: report.problems.map { ProblemDocument.Item(row: $0.row, column: $0.column, detail: $0.detail) },
            extensions: [("dry_run", report.dryRun ? "true" : "false"), ("rows", String(report.rows))]
        )
    }
}

extension WaveError: HTTPResponseError {
    public var status: HTTPStatus { apiError.status }
    public var problem: ProblemDocument { apiError.problem }

    /// The problem a wave error becomes: an unknown wave or a unit not on the wave's map is
    /// not found (naming `wave` or the unit's successor), a closed or draft wave is a conflict
    /// with its dates, a token for another wave is forbidden.
    private var apiError: APIError {
        switch self {
        case .unknownWave:
            return .invalid(status: .notFound, detail: description, errors: [APIError.Item(parameter: "wave", detail: description)])
        case .notOnMap:
            return .invalid(status: .notFound, detail: description, errors: [APIError.Item(parameter: "code", detail: description)])
        case .notOpen, .invalidTransition, .exists, .noWaveOpen, .cannotPublish:
            return .invalid(status: .conflict, detail: description, errors: [])
        case .severalOpen:
            return .invalid(status: .badRequest, detail: description, errors: [APIError.Item(parameter: "wave", detail: description)])
        case .unknownMap:
            return .invalid(status: .badRequest, detail: description, errors: [APIError.Item(parameter: "map", detail: description)])
        case .tokenForOtherWave:
            return .forbidden(description)
        }
    }
}

extension WaveAdministrationError: HTTPResponseError {
    public var status: HTTPStatus { apiError.status }
    public var problem: ProblemDocument { apiError.problem }

    /// A wave that cannot be created as asked: the field at fault named by its pointer.
    private var apiError: APIError {
        switch self {
        case .invalidDate, .closesBeforeOpening:
            return .invalid(status: .unprocessableContent, detail: description, errors: [APIError.Item(pointer: "/closes_on", detail: description)])
        case .unknownQuestionnaire:
            return .invalid(status: .unprocessableContent, detail: description, errors: [APIError.Item(pointer: "/questionnaire", detail: description)])
        case .questionnaireExists:
            return .invalid(status: .conflict, detail: description, errors: [APIError.Item(pointer: "/questionnaire", detail: description)])
        }
    }
}

extension QuestionnaireFileError: HTTPResponseError {
    public var status: HTTPStatus { apiError.status }
    public var problem: ProblemDocument { apiError.problem }

    /// Every problem of a questionnaire sent with a new wave.
    private var apiError: APIError {
        .invalid(status: .unprocessableContent, detail: "The questionnaire is not valid: \(problems.count) problem\(problems.count == 1 ? "" : "s").",
                 errors: problems.map { APIError.Item(pointer: "/questionnaire", detail: $0) })
    }
}
