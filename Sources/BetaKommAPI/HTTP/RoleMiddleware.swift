import HTTPServer
import SurveyData

/// Looks a bearer token up; returns the role it grants, or `nil` if the token is not known.
/// The submissions feature supplies the real lookup (hashed tokens in the database).
public typealias TokenResolver = @Sendable (String) throws -> Role?

/// Resolves `Authorization: Bearer <token>` (RFC 6750 §2.1) into a ``Role`` on the request.
/// No `Authorization` header means ``Role/public``; a token nobody knows, or another scheme,
/// is refused with 401 rather than silently served as public. A lookup that fails (a busy
/// database: 503) throws like any other layer.
struct RoleMiddleware: Middleware {
    private let resolve: TokenResolver?

    /// - Parameter resolve: the token lookup; `nil` while no tokens exist, so every token is refused.
    init(resolve: TokenResolver?) {
        self.resolve = resolve
    }

    func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        guard let authorization = request.headers["Authorization"] else {
            // `Request.role` is `.public` when no role is attached: nothing to record, and no
            // principal to attach, on an anonymous request.
            return next(&request)
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.invalidToken("Use 'Authorization: Bearer <token>'.")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let resolve, let role = try resolve(token) else {
            throw APIError.invalidToken("The token is not valid.")
        }
        // The token's id is its public part (`bk_<id>_…`), read here once for the audit log.
        request.principal = Caller(role: role, tokenID: role == .public ? nil : AccessToken(token)?.id)
        return next(&request)
    }
}
