import HTTPServer

/// The API's own errors. Each becomes an RFC 9457 problem (``ProblemDocument``, see
/// `ErrorProblems.swift`) whose `errors` array names the offending query parameter (`parameter`)
/// or request-body member (`pointer`, RFC 6901).
enum APIError: Error, Sendable, Equatable {
    /// One entry of a problem's `errors` array.
    typealias Item = ProblemDocument.Item

    /// Query parameters the endpoint does not know.
    case unknownParameters([String])
    /// A parameter whose value cannot be used; `detail` says what is accepted.
    case invalidParameter(String, detail: String)
    /// Several problems at once (e.g. a submission's validation errors).
    case invalid(status: HTTPStatus, detail: String, errors: [Item])
    /// No resource here; `detail` says what is missing.
    case notFound(String)
    /// No credentials were sent, and these are needed (401 without an error code, RFC 6750 §3.1).
    case unauthorized(String)
    /// The credentials sent are not recognised (401 with `invalid_token`, RFC 6750 §3.1).
    case invalidToken(String)
    /// The caller is known but may not do this.
    case forbidden(String)
    /// The database cannot be read or written now.
    case unavailable(String)

    var status: HTTPStatus {
        switch self {
        case .unknownParameters, .invalidParameter: .badRequest
        case let .invalid(status, _, _): status
        case .notFound: .notFound
        case .unauthorized, .invalidToken: .unauthorized
        case .forbidden: .forbidden
        case .unavailable: .serviceUnavailable
        }
    }

    /// The problem type URI (RFC 9457 §3.1.1).
    var type: String {
        switch self {
        case .unknownParameters: "urn:betakomm:problem:unknown-parameter"
        case .invalidParameter: "urn:betakomm:problem:invalid-parameter"
        case .invalid: "urn:betakomm:problem:invalid-request"
        case .notFound: "urn:betakomm:problem:not-found"
        case .unauthorized, .invalidToken: "urn:betakomm:problem:unauthorized"
        case .forbidden: "urn:betakomm:problem:forbidden"
        case .unavailable: "urn:betakomm:problem:unavailable"
        }
    }

    var detail: String {
        switch self {
        case let .unknownParameters(names):
            "Unknown query parameter\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", "))."
        case let .invalidParameter(name, detail): "Parameter '\(name)': \(detail)"
        case let .invalid(_, detail, _): detail
        case let .notFound(detail), let .unauthorized(detail), let .invalidToken(detail), let .forbidden(detail), let .unavailable(detail):
            detail
        }
    }

    var items: [Item] {
        switch self {
        case let .unknownParameters(names): names.map { Item(parameter: $0, detail: "This endpoint has no parameter '\($0)'.") }
        case let .invalidParameter(name, detail): [Item(parameter: name, detail: detail)]
        case let .invalid(_, _, errors): errors
        case .notFound, .unauthorized, .invalidToken, .forbidden, .unavailable: []
        }
    }
}
