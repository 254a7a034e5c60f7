import Synchronization

/// Open connections per client address, for ``ServerConfiguration/maxConnectionsPerClient``.
/// Counted in by the acceptor, out by whichever loop closes the connection.
final class ClientConnectionCounts: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// The address part of `host:port` (`[v6]:port` keeps its brackets).
    static func client(of remoteAddress: String) -> String {
        guard let colon = remoteAddress.lastIndex(of: ":") else { return remoteAddress }
        return String(remoteAddress[..<colon])
    }

    /// Counts a connection from `client` in if it has fewer than `limit` open.
    func admit(_ client: String, limit: Int) -> Bool {
        counts.withLock { counts in
            let open = counts[client, default: 0]
            guard open < limit else { return false }
            counts[client] = open + 1
            return true
        }
    }

    func release(_ client: String) {
        counts.withLock { counts in
            guard let open = counts[client] else { return }
            counts[client] = open > 1 ? open - 1 : nil
        }
    }

    /// Open connections from `client` (for tests).
    func count(_ client: String) -> Int {
        counts.withLock { $0[client, default: 0] }
    }
}
