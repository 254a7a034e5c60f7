/// Why a request could not be parsed. Each case maps to a status and a problem+json body; after any
/// of them the server closes the connection, because the message framing can no longer be trusted.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// The request-line is not `method SP request-target SP HTTP-version` (RFC 9112 §3).
    case invalidRequestLine(String)
    /// The request-line is longer than the configured cap (414).
    case requestLineTooLong
    /// A well-formed HTTP version other than 1.0 and 1.1 (505).
    case unsupportedVersion(String)
    /// The request-target cannot be used: bad form or bad percent-encoding.
    case invalidTarget(String)
    /// A field line breaks RFC 9112 §5 (e.g. whitespace before the colon, obs-fold, control characters).
    case invalidHeader(String)
    /// The header section is larger than the cap (431).
    case headersTooLarge
    /// More header fields than the cap (431).
    case tooManyHeaders
    /// A line ended in a bare CR or bare LF instead of CRLF (RFC 9112 §2.2).
    case invalidLineEnding
    /// Missing or repeated Host in an HTTP/1.1 request (RFC 9112 §3.2).
    case invalidHost(String)
    /// Content-Length is not digits, or several differ (RFC 9112 §6.3).
    case invalidContentLength(String)
    /// Both Transfer-Encoding and Content-Length: a request smuggling signature (RFC 9112 §6.1).
    case conflictingFraming
    /// Transfer-Encoding is malformed, or chunked is not final or applied twice (RFC 9112 §6.3).
    case invalidTransferEncoding(String)
    /// A transfer coding this server does not implement (501, RFC 9112 §6.1).
    case unsupportedTransferCoding(String)
    /// The chunked body is malformed (RFC 9112 §7.1).
    case invalidChunk(String)
    /// The body is larger than the cap (413).
    case contentTooLarge
    /// An `Expect` value other than `100-continue` (417, RFC 9110 §10.1.1).
    case expectationFailed(String)
    /// A method whose semantics this server does not implement, such as CONNECT (501).
    case methodNotImplemented(String)

    /// The response status for this error.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .unsupportedVersion: .httpVersionNotSupported
        case .headersTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        case .unsupportedTransferCoding, .methodNotImplemented: .notImplemented
        case .expectationFailed: .expectationFailed
        default: .badRequest
        }
    }

    /// A sentence for the problem's `detail`.
    public var detail: String {
        switch self {
        case .invalidRequestLine(let why): "Malformed request-line: \(why)."
        case .requestLineTooLong: "The request-line is longer than this server accepts."
        case .unsupportedVersion(let version): "\(version) is not supported; use HTTP/1.1 or HTTP/1.0."
        case .invalidTarget(let why): "Malformed request-target: \(why)."
        case .invalidHeader(let why): "Malformed header field: \(why)."
        case .headersTooLarge: "The header section is larger than this server accepts."
        case .tooManyHeaders: "The request has more header fields than this server accepts."
        case .invalidLineEnding: "Lines must end in CRLF; a bare CR or LF was found."
        case .invalidHost(let why): "Host header: \(why)."
        case .invalidContentLength(let why): "Content-Length: \(why)."
        case .conflictingFraming: "Transfer-Encoding and Content-Length must not both be sent."
        case .invalidTransferEncoding(let why): "Transfer-Encoding: \(why)."
        case .unsupportedTransferCoding(let coding): "The transfer coding '\(coding)' is not implemented; only chunked is."
        case .invalidChunk(let why): "Malformed chunked body: \(why)."
        case .contentTooLarge: "The request body is larger than this server accepts."
        case .expectationFailed(let value): "The expectation '\(value)' cannot be met; only 100-continue is supported."
        case .methodNotImplemented(let method): "The method \(method) is not implemented."
        }
    }
}

extension HTTPParseError: HTTPResponseError {
    public var problem: ProblemDocument {
        ProblemDocument(status: status, detail: detail)
    }
}
