/// The service's event log (start, migrations, shutdown, errors) on its own output, in the same
/// format as the access log, filtered by level.
///
/// ```text
/// time=2026-11-29T14:03:05.001Z level=info msg="serving" data_version=274 address=http://127.0.0.1:8080
/// ```
public struct EventLog: Sendable {
    public typealias Level = ServiceConfiguration.LogLevel

    /// Events below this level are not written.
    public let minimumLevel: Level
    public let format: ServiceConfiguration.LogFormat
    public let writer: LogWriter

    public init(minimumLevel: Level, format: ServiceConfiguration.LogFormat, writer: LogWriter) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.writer = writer
    }

    /// Writes `message` with `fields` (in order) if `level` is at least ``minimumLevel``.
    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= minimumLevel else { return }
        var line = LogLine(format: format)
        line.add("level", level.rawValue)
        line.add("msg", message)
        for (key, value) in fields { line.add(field: key, value) }
        line.withFinishedBytes { writer.write(bytes: $0) }
    }

    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, message, fields) }
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, message, fields) }
    public func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, message, fields) }
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, message, fields) }
}
