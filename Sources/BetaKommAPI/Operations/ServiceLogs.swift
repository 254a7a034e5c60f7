import Foundation

/// The two logs of a running service: requests to one output, events to another.
public struct ServiceLogs: Sendable {
    public let access: AccessLog
    public let events: EventLog

    public init(access: AccessLog, events: EventLog) {
        self.access = access
        self.events = events
    }

    /// Access lines to standard output and events to standard error, as `configuration` says:
    /// the usual split for a container, where the platform collects both streams.
    public static func standard(_ configuration: ServiceConfiguration) -> ServiceLogs {
        ServiceLogs(
            access: AccessLog(format: configuration.logFormat, writer: .fileDescriptor(STDOUT_FILENO, label: "betakomm.access-log", shards: ThreadShard.defaultCount)),
            events: EventLog(minimumLevel: configuration.logLevel, format: configuration.logFormat,
                             writer: .fileDescriptor(STDERR_FILENO, label: "betakomm.event-log"))
        )
    }

    /// Both logs to `sink` (tests capture lines with it; `{ _ in }` discards them).
    public static func sink(_ configuration: ServiceConfiguration, _ sink: @escaping LogWriter.Sink) -> ServiceLogs {
        let writer = LogWriter(label: "betakomm.log", sink: sink)
        return ServiceLogs(
            access: AccessLog(format: configuration.logFormat, writer: writer),
            events: EventLog(minimumLevel: configuration.logLevel, format: configuration.logFormat, writer: writer)
        )
    }

    /// Blocks until everything logged so far has been written.
    public func flush() {
        access.writer.flush()
        events.writer.flush()
    }
}
