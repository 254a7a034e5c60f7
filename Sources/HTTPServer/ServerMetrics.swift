import Synchronization

/// Live counters of a running server, safe to read from any thread (e.g. for a metrics endpoint).
public final class ServerMetrics: Sendable {
    private let open = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    private let requests = Atomic<Int>(0)
    private let rejectedPerClient = Atomic<Int>(0)
    private let peakInput = Atomic<Int>(0)

    init() {}

    /// Connections open right now.
    public var openConnections: Int { open.load(ordering: .relaxed) }
    /// Connections accepted since start.
    public var acceptedConnections: Int { accepted.load(ordering: .relaxed) }
    /// Connections turned away because ``ServerConfiguration/maxConnections`` was reached.
    public var rejectedConnections: Int { rejected.load(ordering: .relaxed) }
    /// Connections turned away because their client address had
    /// ``ServerConfiguration/maxConnectionsPerClient`` open already (also counted in ``rejectedConnections``).
    public var rejectedClientConnections: Int { rejectedPerClient.load(ordering: .relaxed) }
    /// The most unparsed input any one connection has held since start, in bytes: stays within
    /// ``ServerConfiguration/maxBufferedInputBytes`` (the flood tests read it).
    public var peakBufferedInputBytes: Int { peakInput.load(ordering: .relaxed) }
    /// Responses sent since start (including error responses).
    public var requestsServed: Int { requests.load(ordering: .relaxed) }

    /// Counts a connection in if there is room under `limit`.
    func admitConnection(limit: Int) -> Bool {
        let now = open.add(1, ordering: .relaxed).newValue
        if now > limit {
            open.subtract(1, ordering: .relaxed)
            rejected.add(1, ordering: .relaxed)
            return false
        }
        accepted.add(1, ordering: .relaxed)
        return true
    }

    /// Undoes ``admitConnection(limit:)`` for a connection refused by the per-client cap.
    func clientConnectionRejected() {
        open.subtract(1, ordering: .relaxed)
        accepted.subtract(1, ordering: .relaxed)
        rejected.add(1, ordering: .relaxed)
        rejectedPerClient.add(1, ordering: .relaxed)
    }

    /// Records that a connection holds `bytes` of unparsed input (only called when input is kept).
    func noteBufferedInput(_ bytes: Int) {
        var seen = peakInput.load(ordering: .relaxed)
        while bytes > seen {
            let (exchanged, current) = peakInput.compareExchange(expected: seen, desired: bytes, ordering: .relaxed)
            if exchanged { return }
            seen = current
        }
    }

    func connectionClosed() { open.subtract(1, ordering: .relaxed) }
    func requestServed() { requests.add(1, ordering: .relaxed) }
}
