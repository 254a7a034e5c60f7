/// Maps method and path to a handler.
///
/// Patterns: literal segments, `:name` (a whole segment), `:name.ext` (a segment ending in `.ext`,
/// captured without it, so `/v1/figures/:n.svg` serves `/v1/figures/7.svg` with `n = "7"`), and a
/// final `*name` capturing the rest of the path. Segments are matched percent-decoded.
/// HEAD is answered by the GET handler when no HEAD route exists (the server drops the body);
/// OPTIONS is answered with `Allow` when no OPTIONS route exists; a path that matches with the
/// wrong method gets 405 with `Allow`; an unknown path 404.
public struct Router: Sendable {
    /// Boxed, so that a copy of the router (each closure that captures it) is two references and
    /// a request borrows the tree instead of copying its top node.
    private var root = RouteNodeBox(RouteNode())
    /// Every registered method and pattern, in registration order, so that a description of the
    /// API (an OpenAPI document) can be checked against what is actually served.
    public private(set) var routes: [(method: HTTPMethod, pattern: String)] = []
    /// The routes declared to run on a worker (see ``runsOnWorker(_:)``).
    private var workerRoutes: [WorkerRoute] = []

    public init() {}

    /// Adds a route; a later route for the same method and pattern replaces the earlier one.
    /// - Parameter execution: where its handler runs when the server routes execution
    ///   (``HandlerExecution/routed(threads:)``); the event loop by default.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, runsOn execution: RouteExecution = .eventLoop,
                             _ handler: @escaping RequestHandler) {
        let segments = RouteSegment.parse(pattern)
        var tree = root.node
        tree.insert(segments[...], pattern: pattern, method: method, handler: handler)
        root = RouteNodeBox(tree)
        if !routes.contains(where: { $0.method == method && $0.pattern == pattern }) { routes.append((method, pattern)) }
        workerRoutes.removeAll { $0.method == method && $0.segments == segments }
        if execution == .worker { workerRoutes.append(WorkerRoute(method: method, segments: segments)) }
    }

    public mutating func get(_ pattern: String, runsOn execution: RouteExecution = .eventLoop, _ handler: @escaping RequestHandler) {
        add(.get, pattern, runsOn: execution, handler)
    }
    public mutating func post(_ pattern: String, runsOn execution: RouteExecution = .eventLoop, _ handler: @escaping RequestHandler) {
        add(.post, pattern, runsOn: execution, handler)
    }
    public mutating func put(_ pattern: String, runsOn execution: RouteExecution = .eventLoop, _ handler: @escaping RequestHandler) {
        add(.put, pattern, runsOn: execution, handler)
    }
    public mutating func patch(_ pattern: String, runsOn execution: RouteExecution = .eventLoop, _ handler: @escaping RequestHandler) {
        add(.patch, pattern, runsOn: execution, handler)
    }
    public mutating func delete(_ pattern: String, runsOn execution: RouteExecution = .eventLoop, _ handler: @escaping RequestHandler) {
        add(.delete, pattern, runsOn: execution, handler)
    }

    /// Whether `request` goes to a route declared ``RouteExecution/worker``. Asked on the event
    /// loop for every request: a scan of the (few) worker routes comparing method and segments,
    /// without matching the tree or allocating. A literal route wins over a parameter in the tree,
    /// so declare a literal route that shadows a worker pattern with the same execution.
    public func runsOnWorker(_ request: Request) -> Bool {
        for route in workerRoutes where route.matches(request) { return true }
        return false
    }

    /// Answers `request` from the matching route, or throws 404 / 405 as ``HTTPError``.
    /// ``Request/route`` names the matched pattern afterwards, also when the handler threw.
    public func respond(to request: inout Request) throws -> Response {
        try route(&request)
    }

    /// Like ``respond(to:)``, but an error (the handler's, or 404 / 405) becomes a response through `mapError`.
    public func respond(to request: inout Request, mappingErrors mapError: (any Error, Request) -> Response) -> Response {
        do {
            return try route(&request)
        } catch {
            return mapError(error, request)
        }
    }

    /// Records the route's pattern and captures on `request` (in place: no copy) and calls the
    /// route's handler.
    private func route(_ request: inout Request) throws -> Response {
        if request.path == "*" {
            // Asterisk-form OPTIONS asks about the server as a whole (RFC 9110 §9.3.7).
            return Response(status: .noContent, headers: ["Allow": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"])
        }
        var captures = PathParameters()
        guard let (handlers, matched) = root.node.match(request.pathSegments[...], captures: &captures) else {
            throw HTTPError(.notFound, detail: "No resource at \(request.path).")
        }
        // Set before the method check: a 405 is still counted under the route it was sent to.
        request.route = matched
        if let handler = handlers[request.method] ?? (request.method == .head ? handlers[.get] : nil) {
            if !captures.isEmpty || !request.pathParameters.isEmpty { request.pathParameters = captures }
            return try handler(request)
        }
        let allow = Self.allowHeader(handlers)
        if request.method == .options {
            return Response(status: .noContent, headers: ["Allow": allow])
        }
        throw HTTPError(.methodNotAllowed, detail: "\(request.method) is not allowed on \(request.path).", headers: ["Allow": allow])
    }

    private static func allowHeader(_ handlers: MethodHandlers) -> String {
        var methods = Set(handlers.methods)
        if methods.contains(.get) { methods.insert(.head) }
        methods.insert(.options)
        return methods.map(\.rawValue).sorted().joined(separator: ", ")
    }
}
