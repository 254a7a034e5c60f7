/// The rest of the chain as a middleware sees it. It never throws: errors thrown further in have
/// already been turned into responses by ``ErrorResponder``, so middleware (CORS, ETag, logging)
/// always sees the final response.
public typealias RequestResponder = @Sendable (Request) -> Response

/// A route handler. Synchronous: database calls and computations here are synchronous too.
public typealias RequestHandler = @Sendable (Request) throws -> Response

/// Code around every request: it may answer by itself (e.g. a CORS preflight `OPTIONS`, a 401),
/// change the request before calling `next`, or change the response after.
public protocol Middleware: Sendable {
    func handle(_ request: Request, next: RequestResponder) throws -> Response
}

/// A middleware from a closure.
public struct MiddlewareFunction: Middleware {
    private let body: @Sendable (Request, RequestResponder) throws -> Response

    public init(_ body: @escaping @Sendable (Request, RequestResponder) throws -> Response) {
        self.body = body
    }

    public func handle(_ request: Request, next: RequestResponder) throws -> Response {
        try body(request, next)
    }
}

extension Array where Element == any Middleware {
    /// The chain: the first middleware is the outermost; each layer's errors become responses there.
    func chained(around innermost: @escaping RequestHandler) -> RequestResponder {
        var responder: RequestResponder = { request in
            do { return try innermost(request) } catch { return ErrorResponder.response(for: error, request: request) }
        }
        for middleware in reversed() {
            let next = responder
            responder = { request in
                do { return try middleware.handle(request, next: next) } catch { return ErrorResponder.response(for: error, request: request) }
            }
        }
        return responder
    }
}
