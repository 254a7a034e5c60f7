import HTTPServer
import SurveyData

extension Role {
    static let attributeKey = "betakomm.role"
}

extension Request {
    /// The role ``RoleMiddleware`` resolved; `.public` when it did not run.
    public var role: Role { attributes[Role.attributeKey] as? Role ?? .public }
}
