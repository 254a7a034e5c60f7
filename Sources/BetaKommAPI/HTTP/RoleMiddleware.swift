import HTTPServer
import Logging

/// Looks a bearer token up; returns the role it grants, or `nil` if the token is not known.
/// The submissions feature supplies the real lookup (hashed tokens in the database).
public typealias TokenResolver = @Sendable (String) throws -> Role?

/// Resolves `Authorization: Bearer <token>` (RFC 6750 §2.1) into a ``Role`` on the request.
/// No `Authorization` header means ``Role/public``; a token nobody knows, or another scheme,
/// is refused with 401 rather than silently served as public.
public struct RoleMiddleware: Middleware {
    private let resolve: TokenResolver?
    private let events: Logger?

    /// - Parameters:
    ///   - resolve: the token lookup; `nil` while no tokens exist, so every token is refused.
    ///   - events: where a failing lookup (e.g. a database error) is logged.
    public init(resolve: TokenResolver?, events: Logger? = nil) {
        self.resolve = resolve
        self.events = events
    }

    public func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        do {
            return try resolved(&request, next: next)
        } catch {
            return ErrorMapping.response(for: error, request: request, events: events)
        }
    }

    private func resolved(_ request: inout Request, next: RequestResponder) throws -> Response {
        guard let authorization = request.headers["Authorization"] else {
            // `Request.role` is `.public` when no role is attached: nothing to record, and no
            // attributes dictionary to allocate, on an anonymous request.
            return next(&request)
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("Use 'Authorization: Bearer <token>'.")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let resolve, let role = try resolve(token) else {
            throw APIError.unauthorized("The token is not valid.")
        }
        request.attributes[Role.attributeKey] = role
        return next(&request)
    }
}
