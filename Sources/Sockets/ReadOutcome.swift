/// What one non-blocking `read(2)` produced.
public enum ReadOutcome: Sendable, Equatable {
    /// This many bytes (at least one) were read.
    case bytes(Int)
    /// Nothing to read right now (`EAGAIN`): wait for readiness.
    case wouldBlock
    /// The peer closed its sending side (or reset the connection).
    case endOfStream
}
