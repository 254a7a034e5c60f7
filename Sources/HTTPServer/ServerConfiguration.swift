import Foundation
import Logging

/// Every server knob in one place, with the defaults documented on each property.
public struct ServerConfiguration: Sendable {
    /// Address to bind: a numeric IPv4/IPv6 address. Default `127.0.0.1`; `0.0.0.0` for all interfaces.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it back from ``Server/port``). Default 8080.
    public var port: UInt16 = 8080
    /// Listen backlog. Default 1024.
    public var backlog: Int32 = 1024
    /// Event loop threads. Default: one per core.
    public var eventLoopCount: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Longest request-line (414 beyond). Default 8 KiB.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header section (431 beyond). Default 16 KiB.
    public var maxHeaderBytes: Int = 16 * 1024
    /// Most header fields (431 beyond). Default 100.
    public var maxHeaderCount: Int = 100
    /// Largest request body (413 beyond, decided from Content-Length before reading). Default 1 MiB.
    public var maxBodyBytes: Int = 1024 * 1024
    /// Longest chunk-size line, extensions included (400 beyond). Default 1 KiB.
    public var maxChunkLineBytes: Int = 1024
    /// Seconds a client has to send a complete head once its first byte arrived; then 408 and
    /// close (slowloris defence). Default 10.
    public var headerTimeout: Double = 10
    /// Seconds a keep-alive connection may sit idle between requests, and the longest stall
    /// while a response is written (a body being read has ``bodyTimeout`` instead). Default 60.
    public var idleTimeout: Double = 60
    /// Seconds a client has to send a whole request body once its head has arrived; then 408 and
    /// close. Progress does not extend it (a byte a minute must not hold a connection forever).
    /// Default 60.
    public var bodyTimeout: Double = 60
    /// Most open connections; beyond it new ones get a 503 and are closed. Default 16 384.
    public var maxConnections: Int = 16_384
    /// Most open connections from one client address; beyond it new ones get a 429 and are
    /// closed. Default 1024.
    public var maxConnectionsPerClient: Int = 1024
    /// Received bytes a connection keeps unparsed (a partial head, or pipelined requests waiting
    /// their turn) before it stops reading; it reads again once they are processed. Never less
    /// than one request-line and header section. Body bytes are not counted: they are consumed as
    /// they arrive, within ``maxBodyBytes``. Default 64 KiB.
    public var maxBufferedInputBytes: Int = 64 * 1024
    /// Most pipelined requests answered from one read before the connection yields to others;
    /// their responses are coalesced into one write. Default 16.
    public var maxPipelinedRequests: Int = 16
    /// Where handlers run. Default: inline on the event loop (see ``HandlerExecution``).
    public var handlerExecution: HandlerExecution = .inline
    /// Adds `Server-Timing: app;dur=<ms>` (W3C Server Timing) to every response: the time the
    /// middleware chain and handler took, in milliseconds with three decimals. Default true.
    public var serverTiming: Bool = true
    /// gzip response compression.
    public var compression: CompressionConfiguration = CompressionConfiguration()
    /// Where the server and its event loops log: a failed `accept`, a failed `epoll_wait`, an error
    /// no handler turned into a response. Default: a logger from swift-log's `LoggingSystem`
    /// (standard error unless the process bootstrapped it otherwise).
    public var logger: Logger = Logger(label: "HTTPServer")

    public init() {}

    /// ``maxBufferedInputBytes``, raised to what the longest acceptable head needs.
    var inputBufferLimit: Int {
        max(maxBufferedInputBytes, maxRequestLineBytes + maxHeaderBytes + 16)
    }

    /// The parser's caps.
    public var parserLimits: HTTPParser.Limits {
        HTTPParser.Limits(
            maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount,
            maxBodyBytes: maxBodyBytes, maxChunkLineBytes: maxChunkLineBytes
        )
    }
}
