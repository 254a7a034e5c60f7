/// Where handlers (and the middleware around them) run.
///
/// Measured on this 2-core machine with a 1.5 KB JSON response (wrk, 127.0.0.1, other work
/// running): inline ≈ 30 k req/s on one connection and ≈ 55 k at 64, the worker pool ≈ 10–16 k and
/// ≈ 37 k: the hand-off to a worker and back costs two thread wake-ups per request. Hence inline is
/// the default, and `selective` lets an application send only its slow routes to the pool.
public enum HandlerExecution: Sendable {
    /// On the event loop thread that read the request: fastest, but a slow handler delays the
    /// other connections of that loop.
    case inline
    /// Every request on a pool of this many worker threads; the loop goes on serving other connections.
    case workerPool(threads: Int)
    /// Requests for which `offload` returns true run on a pool of `threads` workers, the rest inline.
    /// `offload` runs on the event loop for every request: keep it a cheap test of method and path.
    case selective(threads: Int, offload: @Sendable (Request) -> Bool)
    /// Requests for routes declared ``RouteExecution/worker`` run on a pool of `threads` workers,
    /// the rest inline: where a route runs is said where it is registered.
    case routed(threads: Int)
}
