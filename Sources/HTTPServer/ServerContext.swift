import Sockets
import Synchronization

/// What every event loop of one server shares: configuration, the parser, the middleware chain
/// around the handler, compression, counters and hooks. Immutable apart from atomics.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let parser: HTTPParser
    let responder: RequestResponder
    let compression: ResponseCompression
    let metrics: ServerMetrics
    let onRequestCompleted: (@Sendable (CompletedRequest) -> Void)?
    let workerPool: HandlerWorkerPool?
    /// Open connections per client address.
    let clients = ClientConnectionCounts()
    /// Whether a request goes to ``workerPool`` (only asked when there is one).
    let offload: @Sendable (Request) -> Bool
    private let drainingFlag = Atomic<Bool>(false)

    init(
        configuration: ServerConfiguration, responder: @escaping RequestResponder, metrics: ServerMetrics,
        onRequestCompleted: (@Sendable (CompletedRequest) -> Void)?, router: Router? = nil
    ) {
        self.configuration = configuration
        self.parser = HTTPParser(limits: configuration.parserLimits)
        self.responder = responder
        self.compression = ResponseCompression(configuration: configuration.compression)
        self.metrics = metrics
        self.onRequestCompleted = onRequestCompleted
        switch configuration.handlerExecution {
        case .inline:
            workerPool = nil
            offload = { _ in false }
        case .workerPool(let threads):
            workerPool = HandlerWorkerPool(threadCount: threads)
            offload = { _ in true }
        case .selective(let threads, let predicate):
            workerPool = HandlerWorkerPool(threadCount: threads)
            offload = predicate
        case .routed(let threads):
            if let router {
                workerPool = HandlerWorkerPool(threadCount: threads)
                offload = { request in router.runsOnWorker(request) }
            } else {
                workerPool = nil
                offload = { _ in false }
            }
        }
    }

    /// Whether the server is shutting down: responses then say `Connection: close`.
    var draining: Bool { drainingFlag.load(ordering: .relaxed) }
    func beginDraining() { drainingFlag.store(true, ordering: .relaxed) }

    /// Runs the middleware chain and handler (timed for `Server-Timing` when configured), then
    /// compression. Never throws. The chain may record things on `request` (see ``RequestResponder``).
    func respond(to request: inout Request) -> Response {
        let timed = configuration.serverTiming
        let started = timed ? MonotonicTime.now() : 0
        var response = responder(&request)
        if timed {
            response.headers.add("Server-Timing", ServerTiming.value(nanoseconds: MonotonicTime.now() &- started))
        }
        compression.apply(to: &response, for: request)
        return response
    }
}
