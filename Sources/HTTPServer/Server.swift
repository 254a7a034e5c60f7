import Dispatch
import Foundation
import Logging
import Sockets
import Synchronization

/// The HTTP/1.1 server: a listening socket, one epoll event loop per core, and the middleware
/// chain around a router (or any handler).
///
/// ```swift
/// var router = Router()
/// router.get("/health") { _ in .text("ok") }
/// let server = Server(configuration: configuration, router: router, middleware: [logging])
/// try server.start()          // binds; server.port is the actual port
/// server.installSignalHandlers()
/// server.waitUntilStopped()   // returns after SIGTERM/SIGINT or shutdown(timeout:)
/// ```
public final class Server: @unchecked Sendable {
    private enum State {
        case idle, running, stopping, stopped
    }

    public let configuration: ServerConfiguration
    /// Live counters.
    public let metrics = ServerMetrics()
    private let context: ServerContext
    private let state = Mutex<State>(.idle)
    private let boundPort = Atomic<Int>(0)
    private let stoppedGroup = DispatchGroup()
    private var loops: [LoopContext] = []
    private var acceptor: Acceptor?

    /// A server dispatching through `router`, with `middleware` around it (the first is outermost).
    /// With ``HandlerExecution/routed(threads:)``, the routes declared ``RouteExecution/worker`` run on workers.
    /// - Parameter onRequestCompleted: called after every response, on an event loop thread; keep it cheap.
    public convenience init(
        configuration: ServerConfiguration = ServerConfiguration(), router: Router, middleware: [any Middleware] = [],
        errors: ErrorResponder? = nil, onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil
    ) {
        self.init(configuration: configuration, middleware: middleware, errors: errors, onRequestCompleted: onRequestCompleted,
                  router: router, handler: router.respond(to:))
    }

    /// A server answering every request with `handler`, with `middleware` around it
    /// (``HandlerExecution/routed(threads:)`` runs everything inline: there are no routes to ask).
    /// - Parameter errors: turns what the handler or a middleware throws into a response.
    public convenience init(
        configuration: ServerConfiguration = ServerConfiguration(), middleware: [any Middleware] = [],
        errors: ErrorResponder? = nil, onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil,
        handler: @escaping RoutingHandler
    ) {
        self.init(configuration: configuration, middleware: middleware, errors: errors, onRequestCompleted: onRequestCompleted,
                  router: nil, handler: handler)
    }

    private init(
        configuration: ServerConfiguration, middleware: [any Middleware], errors: ErrorResponder?,
        onRequestCompleted: (@Sendable (CompletedRequest) -> Void)?, router: Router?, handler: @escaping RoutingHandler
    ) {
        self.configuration = configuration
        self.context = ServerContext(
            configuration: configuration, responder: middleware.chained(around: handler, errors: errors ?? .logging(to: configuration.logger)), metrics: metrics,
            onRequestCompleted: onRequestCompleted, router: router
        )
    }

    /// The bound port once ``start()`` has returned (the real one when configured with port 0).
    public var port: UInt16 { UInt16(boundPort.load(ordering: .acquiring)) }

    /// Binds, listens and starts the event loops; returns the bound port. Also ignores `SIGPIPE`
    /// process-wide and raises the open-file limit towards ``ServerConfiguration/maxConnections``.
    @discardableResult
    public func start() throws(SocketError) -> UInt16 {
        try state.withLock { state throws(SocketError) in
            guard state == .idle else { throw SocketError(call: "Server.start (already started)", errno: EALREADY) }
            ResourceLimits.ignoreBrokenPipeSignal()
            ResourceLimits.raiseOpenFileLimit(to: UInt64(configuration.maxConnections + 256))
            let listener = try TCPListener(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
            let shortest = min(configuration.headerTimeout, configuration.idleTimeout, configuration.bodyTimeout)
            let tick = min(max(shortest / 4, 0.01), 1)
            var loops: [LoopContext] = []
            do throws(SocketError) {
                // Linux clones an accepted socket from its listener, TCP_NODELAY included: set once
                // here, it spares a setsockopt per connection.
                try Socket.setNoDelay(listener.fd)
                for index in 0..<max(configuration.eventLoopCount, 1) {
                    let loop = try EventLoop(name: "http-loop-\(index)", tickInterval: tick, logger: configuration.logger)
                    loops.append(LoopContext(loop: loop, server: context))
                }
                let acceptor = Acceptor(listener: listener, loops: loops)
                try loops[0].loop.register(listener.fd, events: .readable, handler: acceptor)
                self.acceptor = acceptor
            } catch {
                listener.close()
                throw error
            }
            self.loops = loops
            boundPort.store(Int(listener.port), ordering: .releasing)
            stoppedGroup.enter()
            for context in loops { context.loop.start() }
            state = .running
        }
        return port
    }

    /// Starts (if not yet started) and blocks until the server has shut down.
    public func run() throws(SocketError) {
        if state.withLock({ $0 == .idle }) { try start() }
        waitUntilStopped()
    }

    /// Blocks until ``shutdown(timeout:)`` has finished.
    public func waitUntilStopped() {
        stoppedGroup.wait()
    }

    /// Stops accepting, lets requests in progress finish for up to `timeout` seconds, closes idle
    /// keep-alive connections at once and the rest when they finish or the time is up, stops the
    /// loops and returns. Further calls wait for the first to finish.
    public func shutdown(timeout: Double = 10) {
        let proceed = state.withLock { state -> Bool in
            guard state == .running else { return false }
            state = .stopping
            return true
        }
        guard proceed else {
            if state.withLock({ $0 == .stopping }) { waitUntilStopped() }
            return
        }
        context.beginDraining()
        let acceptor = UncheckedBox(acceptor)
        loops[0].loop.execute { acceptor.value?.close() }
        for context in loops {
            context.loop.execute { context.beginDrain() }
        }
        let deadline = MonotonicTime.now() &+ MonotonicTime.nanoseconds(timeout)
        while metrics.openConnections > 0 && MonotonicTime.now() < deadline {
            usleep(5_000)
        }
        for context in loops {
            context.loop.execute { context.closeAll() }
            context.loop.stop()
        }
        for context in loops { context.loop.waitUntilStopped() }
        self.context.workerPool?.shutdown()
        state.withLock { $0 = .stopped }
        stoppedGroup.leave()
    }
}

/// Carries a loop-confined value into a task that runs on that loop.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
