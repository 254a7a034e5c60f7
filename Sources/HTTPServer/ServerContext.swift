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
    private let drainingFlag = Atomic<Bool>(false)

    init(
        configuration: ServerConfiguration, responder: @escaping RequestResponder, metrics: ServerMetrics,
        onRequestCompleted: (@Sendable (CompletedRequest) -> Void)?
    ) {
        self.configuration = configuration
        self.parser = HTTPParser(limits: configuration.parserLimits)
        self.responder = responder
        self.compression = ResponseCompression(configuration: configuration.compression)
        self.metrics = metrics
        self.onRequestCompleted = onRequestCompleted
        if case .workerPool(let threads) = configuration.handlerExecution {
            workerPool = HandlerWorkerPool(threadCount: threads)
        } else {
            workerPool = nil
        }
    }

    /// Whether the server is shutting down: responses then say `Connection: close`.
    var draining: Bool { drainingFlag.load(ordering: .relaxed) }
    func beginDraining() { drainingFlag.store(true, ordering: .relaxed) }

    /// Runs the middleware chain and handler, then compression. Never throws.
    func respond(to request: Request) -> Response {
        var response = responder(request)
        compression.apply(to: &response, for: request)
        return response
    }
}
