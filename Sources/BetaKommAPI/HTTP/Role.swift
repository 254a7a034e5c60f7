import HTTPServer
import SurveyData

/// The caller of a request, resolved once by ``RoleMiddleware`` from `Authorization`: its role
/// and, for a token, the token's id (for the audit log, never the token itself).
final class Caller: RequestPrincipal {
    let role: Role
    let tokenID: Int?

    init(role: Role, tokenID: Int?) {
        self.role = role
        self.tokenID = tokenID
    }
}

extension Request {
    /// The role ``RoleMiddleware`` resolved; `.public` for an anonymous request.
    var role: Role { (principal as? Caller)?.role ?? .public }

    /// The id of the bearer token ``RoleMiddleware`` accepted; `nil` for a public request.
    var tokenID: Int? { (principal as? Caller)?.tokenID }
}
