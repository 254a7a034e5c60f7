/// How handlers run.
public enum HandlerExecution: Sendable, Equatable {
    /// On the event loop thread that read the request: fastest, but a slow handler delays the
    /// other connections of that loop.
    case inline
    /// On a pool of this many worker threads; the loop goes on serving other connections.
    case workerPool(threads: Int)
}
