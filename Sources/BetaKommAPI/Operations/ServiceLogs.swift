import Foundation
import Logging

/// The two logs of a running service: requests to one output, events to another.
///
/// Events go through swift-log: ``events`` is a `Logger` whose handler is an ``EventLogHandler``,
/// and the same logger is handed to the HTTP server and its event loops, so whatever any layer
/// logs lands in one stream, in one format. The access log stays a writer of its own (see
/// ``AccessLog`` for why).
public struct ServiceLogs: Sendable {
    public let access: AccessLog
    /// The event log: start, migrations, shutdown, errors, and the server's and sockets' own events.
    public let events: Logger
    private let eventWriter: LogWriter

    /// - Parameters:
    ///   - access: the access log.
    ///   - level: the lowest event level written (`--log-level`).
    ///   - format: the events' format (`--log-format`).
    ///   - eventWriter: where event lines go.
    public init(access: AccessLog, level: ServiceConfiguration.LogLevel, format: ServiceConfiguration.LogFormat, eventWriter: LogWriter) {
        self.access = access
        self.eventWriter = eventWriter
        // The factory initializer: the logger does not depend on (or need) a process-wide
        // `LoggingSystem.bootstrap`, so tests can run many applications with their own logs.
        events = Logger(label: "betakomm") { _ in EventLogHandler(level: level.loggerLevel, format: format, writer: eventWriter) }
    }

    /// Access lines to standard output and events to standard error, as `configuration` says:
    /// the usual split for a container, where the platform collects both streams.
    public static func standard(_ configuration: ServiceConfiguration) -> ServiceLogs {
        ServiceLogs(
            access: AccessLog(format: configuration.logFormat, writer: .fileDescriptor(STDOUT_FILENO, label: "betakomm.access-log", shards: ThreadShard.defaultCount)),
            level: configuration.logLevel, format: configuration.logFormat,
            eventWriter: .fileDescriptor(STDERR_FILENO, label: "betakomm.event-log")
        )
    }

    /// Both logs to `sink` (tests capture lines with it; `{ _ in }` discards them).
    public static func sink(_ configuration: ServiceConfiguration, _ sink: @escaping LogWriter.Sink) -> ServiceLogs {
        let writer = LogWriter(label: "betakomm.log", sink: sink)
        return ServiceLogs(
            access: AccessLog(format: configuration.logFormat, writer: writer),
            level: configuration.logLevel, format: configuration.logFormat, eventWriter: writer
        )
    }

    /// Blocks until everything logged so far has been written.
    public func flush() {
        access.writer.flush()
        eventWriter.flush()
    }
}
