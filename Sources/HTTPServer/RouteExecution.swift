/// Where a route's handler runs, declared with the route (``Router/add(_:_:runsOn:_:)``) and
/// honoured when the server's ``HandlerExecution`` is ``HandlerExecution/routed(threads:)``.
public enum RouteExecution: Sendable, Equatable {
    /// On the event loop that read the request: for handlers that answer in microseconds.
    case eventLoop
    /// On a worker thread, so a handler that waits (an fsync, a full scan, a fresh database
    /// connection) does not hold up the other connections of its loop.
    case worker
}

/// A route declared ``RouteExecution/worker``, kept apart from the route tree so that the loop's
/// question "does this request go to a worker?" is a short scan of a few entries that allocates
/// nothing (the tree match records captures).
struct WorkerRoute: Sendable {
    let method: HTTPMethod
    let segments: [RouteSegment]

    /// Whether `request` would be routed here (a HEAD goes where its GET goes).
    func matches(_ request: Request) -> Bool {
        guard request.method == method || (request.method == .head && method == .get) else { return false }
        let path = request.pathSegments
        if case .rest = segments.last {
            guard path.count >= segments.count - 1 else { return false }
        } else {
            guard path.count == segments.count else { return false }
        }
        for (index, segment) in segments.enumerated() {
            switch segment {
            case let .literal(text): if path[index] != text { return false }
            case let .parameter(_, suffix): if !path[index].hasSuffix(suffix) || path[index].count <= suffix.count { return false }
            case .rest: return true
            }
        }
        return true
    }
}
