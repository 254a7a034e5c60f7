import Synchronization

/// Live counters of a running server, safe to read from any thread (e.g. for a metrics endpoint).
public final class ServerMetrics: Sendable {
    private let open = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    private let requests = Atomic<Int>(0)

    init() {}

    /// Connections open right now.
    public var openConnections: Int { open.load(ordering: .relaxed) }
    /// Connections accepted since start.
    public var acceptedConnections: Int { accepted.load(ordering: .relaxed) }
    /// Connections turned away because ``ServerConfiguration/maxConnections`` was reached.
    public var rejectedConnections: Int { rejected.load(ordering: .relaxed) }
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

    func connectionClosed() { open.subtract(1, ordering: .relaxed) }
    func requestServed() { requests.add(1, ordering: .relaxed) }
}
