/// The rest of the chain as a middleware sees it. It never throws: errors thrown further in have
/// already been turned into responses by ``ErrorResponder``, so middleware (CORS, ETag, logging)
/// always sees the final response.
///
/// The request is `inout` all the way down: a middleware that records something on it (a request
/// id, a role) and the router (the route's captures) change the one request the connection holds,
/// instead of each copying a struct of a dozen reference-counted fields. The completion hook then
/// sees the request as the chain left it.
public typealias RequestResponder = @Sendable (inout Request) -> Response

/// A route handler. Synchronous: database calls and computations here are synchronous too.
public typealias RequestHandler = @Sendable (Request) throws -> Response

/// The innermost step of a server's chain: usually ``Router/respond(to:)``, which records the
/// matched route's captures on the request before calling the route's ``RequestHandler``.
public typealias RoutingHandler = @Sendable (inout Request) throws -> Response

/// Code around every request: it may answer by itself (e.g. a CORS preflight `OPTIONS`, a 401),
/// change the request before calling `next`, or change the response after.
public protocol Middleware: Sendable {
    func handle(_ request: inout Request, next: RequestResponder) throws -> Response
}

/// A middleware from a closure.
public struct MiddlewareFunction: Middleware {
    private let body: @Sendable (inout Request, RequestResponder) throws -> Response

    public init(_ body: @escaping @Sendable (inout Request, RequestResponder) throws -> Response) {
        self.body = body
    }

    public func handle(_ request: inout Request, next: RequestResponder) throws -> Response {
        try body(&request, next)
    }
}

extension Array where Element == any Middleware {
    /// The chain: the first middleware is the outermost; each layer's errors become responses there.
    func chained(around innermost: @escaping RoutingHandler, errors: ErrorResponder) -> RequestResponder {
        var responder: RequestResponder = { request in
            do { return try innermost(&request) } catch { return errors.response(for: error, request: request) }
        }
        for middleware in reversed() {
            let next = responder
            responder = { request in
                do { return try middleware.handle(&request, next: next) } catch { return errors.response(for: error, request: request) }
            }
        }
        return responder
    }
}
