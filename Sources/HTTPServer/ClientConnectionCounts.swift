import Foundation

/// Open connections per client address, for ``ServerConfiguration/maxConnectionsPerClient``.
/// Counted in by the acceptor, out by whichever loop closes the connection.
///
/// Guarded by an `NSLock` rather than `Synchronization.Mutex`, as `EventLoop`'s task queue is:
/// ThreadSanitizer does not see the happens-before of a contended `Mutex` on Linux, and this one is
/// taken by every loop thread.
final class ClientConnectionCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// The address part of `host:port` (`[v6]:port` keeps its brackets).
    static func client(of remoteAddress: String) -> String {
        guard let colon = remoteAddress.lastIndex(of: ":") else { return remoteAddress }
        return String(remoteAddress[..<colon])
    }

    /// Counts a connection from `client` in if it has fewer than `limit` open.
    func admit(_ client: String, limit: Int) -> Bool {
        lock.withLock {
            let open = counts[client, default: 0]
            guard open < limit else { return false }
            counts[client] = open + 1
            return true
        }
    }

    func release(_ client: String) {
        lock.withLock {
            guard let open = counts[client] else { return }
            counts[client] = open > 1 ? open - 1 : nil
        }
    }

    /// Open connections from `client` (for tests).
    func count(_ client: String) -> Int {
        lock.withLock { counts[client, default: 0] }
    }
}
