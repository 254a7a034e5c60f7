import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Writes log lines without making the caller wait for I/O.
///
/// A caller (an event loop thread, in the access log's case) only appends its line to a buffer
/// under a lock. The first line into an empty buffer schedules a drain on a serial queue
/// ``drainDelay`` later, which hands everything accumulated to the sink in one piece. The delay is
/// what makes batching work under load: draining at once woke the queue's thread (a futex
/// wake-up and a context switch, some 10 % of the CPU of a cached API request) for nearly every
/// line, whereas now a busy server wakes it at most once per delay and writes many lines per
/// `write(2)`, at the price of a line reaching the output up to a millisecond later. If the output
/// blocks (a full pipe), the buffer stops growing at `capacity` and further lines are counted in
/// ``droppedLines`` rather than stalling the server.
public final class LogWriter: Sendable {
    /// Receives the bytes of one or more whole lines, on the writer's queue.
    public typealias Sink = @Sendable ([UInt8]) -> Void

    private struct Pending {
        var bytes: [UInt8] = []
        var drainScheduled = false
    }

    private let pending = Mutex(Pending())
    private let dropped = Atomic<Int>(0)
    private let queue: DispatchQueue
    private let sink: Sink
    private let capacity: Int
    private let drainDelay: DispatchTimeInterval

    /// - Parameters:
    ///   - capacity: bytes buffered at most while the sink is slow.
    ///   - drainDelay: how long after the first line into an empty buffer the buffer is drained.
    ///   - sink: where the bytes go; called on a serial queue, never concurrently.
    public init(label: String, capacity: Int = 4 << 20, drainDelay: DispatchTimeInterval = .milliseconds(1), sink: @escaping Sink) {
        self.queue = DispatchQueue(label: label, qos: .utility)
        self.sink = sink
        self.capacity = capacity
        self.drainDelay = drainDelay
    }

    /// A writer to a file descriptor such as `STDOUT_FILENO`.
    public static func fileDescriptor(_ fd: Int32, label: String) -> LogWriter {
        LogWriter(label: label) { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // The output is gone (EPIPE, EBADF): nothing better to do with a log line.
                }
                offset += written
            }
        }
    }

    /// Lines given up because the buffer was full.
    public var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Queues `line` (without its newline) for output.
    public func write(_ line: String) {
        write(bytes: line.utf8)
    }

    /// Queues the UTF-8 bytes of one line (without its newline) for output.
    public func write(bytes line: some Collection<UInt8>) {
        let schedule = pending.withLock { state -> Bool? in
            guard state.bytes.count + line.count < capacity else { return nil }
            state.bytes.append(contentsOf: line)
            state.bytes.append(UInt8(ascii: "\n"))
            if state.drainScheduled { return false }
            state.drainScheduled = true
            return true
        }
        switch schedule {
        case nil: dropped.add(1, ordering: .relaxed)
        case true?: queue.asyncAfter(deadline: .now() + drainDelay) { self.drain() }
        case false?: break
        }
    }

    /// Blocks until every line written before the call has been handed to the sink.
    public func flush() {
        queue.sync { drain() }
    }

    private func drain() {
        let bytes = pending.withLock { state -> [UInt8] in
            state.drainScheduled = false
            defer { state.bytes = [] }
            return state.bytes
        }
        if !bytes.isEmpty { sink(bytes) }
    }
}
