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
/// ``drainDelay`` later, and a buffer that reaches ``batchBytes`` is drained at once; a drain hands
/// everything accumulated to the sink in one piece. Batching is what keeps logging cheap under
/// load: draining per line woke the queue's thread (a futex wake-up and a context switch, some
/// 10 % of the CPU of a cached API request) for nearly every line; a 1 ms timer still cost a
/// timer, a wake-up and a `write(2)` a millisecond (≈ 7 % of the process's CPU at 65 k req/s,
/// perf); now a busy server writes 64 KiB at a time, a quiet one within ``drainDelay``. If the
/// output blocks (a full pipe), the buffer stops growing at `capacity` and further lines are
/// counted in ``droppedLines`` rather than stalling the server.
///
/// With `shards` above one, each thread appends to a buffer of its own (see ``ThreadShard``):
/// two event loops taking turns at one lock and one buffer kept moving those cache lines between
/// the cores, 100 k times a second under load. Each thread's lines stay in order; lines of
/// different threads are interleaved a batch at a time, so the access log uses shards and the
/// event log, whose order across threads matters more than its volume, does not.
public final class LogWriter: Sendable {
    /// Receives the bytes of one or more whole lines, on the writer's queue.
    public typealias Sink = @Sendable ([UInt8]) -> Void

    private struct Pending {
        var bytes: [UInt8] = []
        /// A timed drain is on its way.
        var drainScheduled = false
        /// An immediate drain (the buffer reached ``batchBytes``) is on its way.
        var batchDrainScheduled = false
    }

    /// One buffer per shard; separate objects, so that two shards do not share a cache line.
    private final class Shard: Sendable {
        let pending = Mutex(Pending())
    }

    private let shards: [Shard]
    private let dropped = Atomic<Int>(0)
    private let queue: DispatchQueue
    private let sink: Sink
    private let capacity: Int
    private let drainDelay: DispatchTimeInterval
    private let batchBytes: Int

    /// - Parameters:
    ///   - capacity: bytes buffered at most while the sink is slow (shared out among the shards).
    ///   - drainDelay: how long after the first line into an empty buffer the buffer is drained.
    ///   - batchBytes: a buffer this full is drained at once.
    ///   - shards: buffers, one per writing thread up to this many (1: one buffer, strict order).
    ///   - sink: where the bytes go; called on a serial queue, never concurrently.
    public init(
        label: String, capacity: Int = 4 << 20, drainDelay: DispatchTimeInterval = .milliseconds(20), batchBytes: Int = 64 << 10,
        shards: Int = 1, sink: @escaping Sink
    ) {
        self.queue = DispatchQueue(label: label, qos: .utility)
        self.sink = sink
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
        self.capacity = capacity / max(1, shards)
        self.drainDelay = drainDelay
        self.batchBytes = batchBytes
    }

    /// A writer to a file descriptor such as `STDOUT_FILENO`.
    public static func fileDescriptor(_ fd: Int32, label: String, shards: Int = 1) -> LogWriter {
        LogWriter(label: label, shards: shards) { bytes in
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
        let shard = shards.count == 1 ? shards[0] : shards[ThreadShard.current(of: shards.count)]
        let schedule = shard.pending.withLock { state -> Schedule in
            guard state.bytes.count + line.count < capacity else { return .dropped }
            state.bytes.append(contentsOf: line)
            state.bytes.append(UInt8(ascii: "\n"))
            if state.bytes.count >= batchBytes && !state.batchDrainScheduled {
                state.batchDrainScheduled = true
                return .now
            }
            if state.drainScheduled { return .none }
            state.drainScheduled = true
            return .later
        }
        switch schedule {
        case .dropped: dropped.add(1, ordering: .relaxed)
        case .now: queue.async { self.drain(shard, timed: false) }
        case .later: queue.asyncAfter(deadline: .now() + drainDelay) { self.drain(shard, timed: true) }
        case .none: break
        }
    }

    private enum Schedule {
        case dropped, now, later, none
    }

    /// Blocks until every line written before the call has been handed to the sink.
    public func flush() {
        queue.sync {
            for shard in shards { drain(shard, timed: false) }
        }
    }

    /// - Parameter timed: this is the drain the timer scheduled, so the next line into the buffer
    ///   may schedule another. (Only the timer clears that flag: else each batch drain under load
    ///   would let the next line arm one more timer.)
    private func drain(_ shard: Shard, timed: Bool) {
        let bytes = shard.pending.withLock { state -> [UInt8] in
            if timed { state.drainScheduled = false } else { state.batchDrainScheduled = false }
            defer {
                state.bytes = []
                state.bytes.reserveCapacity(batchBytes + 1024)
            }
            return state.bytes
        }
        if !bytes.isEmpty { sink(bytes) }
    }
}
