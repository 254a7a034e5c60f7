import HTTPServer

/// One line per response, from the server's completion hook: time, request id, method, target
/// (secrets redacted), status, bytes in and out, duration and client address. Formatting happens
/// on the calling loop thread (straight into one byte buffer, about a microsecond); the I/O on
/// the ``LogWriter``'s queue.
///
/// ```text
/// time=2026-11-29T14:03:07.412Z log=access request_id=9f86d081884c7d65 method=GET path=/v1/figures/1 status=200 bytes_in=83 bytes_out=1734 duration_ms=0.231 client=127.0.0.1:52114
/// ```
public struct AccessLog: Sendable {
    public let format: ServiceConfiguration.LogFormat
    public let writer: LogWriter

    public init(format: ServiceConfiguration.LogFormat, writer: LogWriter) {
        self.format = format
        self.writer = writer
    }

    /// Writes the line for `completed`.
    public func record(_ completed: CompletedRequest) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
            line(for: completed, in: buffer).withFinishedBytes { writer.write(bytes: $0) }
        }
    }

    /// The line for `completed`, built in `buffer` when one is given (see ``LogLine/init(format:in:)``).
    func line(for completed: CompletedRequest, in buffer: UnsafeMutableBufferPointer<UInt8>? = nil) -> LogLine {
        var line = buffer.map { LogLine(format: format, in: $0) } ?? LogLine(format: format)
        line.add("log", "access")
        // Set on the request by the id middleware (the hook sees the request as the chain left it);
        // a request that never parsed has none.
        line.add("request_id", completed.request?.requestID ?? "-")
        line.add("method", completed.request?.method.rawValue ?? "-")
        line.add("path", (completed.request?.target).map(TargetRedaction.redacted) ?? "-")
        line.add("status", completed.status.code)
        line.add("bytes_in", completed.bytesIn)
        line.add("bytes_out", completed.bytesOut)
        line.add("duration_ms", milliseconds: completed.duration)
        line.add("client", completed.remoteAddress)
        return line
    }
}
