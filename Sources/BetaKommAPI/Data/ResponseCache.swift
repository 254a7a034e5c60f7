import HTTPServer
import Synchronization

/// Rendered response bodies keyed by (data version, role, request target, representation), so a
/// repeated request for a figure or section is answered with the stored bytes and no encoding.
/// Bounded: when full, the oldest half is dropped (responses are cheap to rebuild).
public final class ResponseCache: Sendable {
    /// A body ready to send.
    public struct Entry: Sendable {
        public let body: [UInt8]
        public let contentType: String
    }

    private struct Storage {
        var entries: [String: Entry] = [:]
        var order: [String] = []
    }

    private let capacity: Int
    private let storage = Mutex(Storage())

    public init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    public func entry(for key: String) -> Entry? {
        storage.withLock { $0.entries[key] }
    }

    public func store(_ entry: Entry, for key: String) {
        storage.withLock { storage in
            if storage.entries.updateValue(entry, forKey: key) == nil { storage.order.append(key) }
            if storage.order.count > capacity {
                let dropped = storage.order.prefix(capacity / 2)
                for key in dropped { storage.entries[key] = nil }
                storage.order.removeFirst(dropped.count)
            }
        }
    }

    /// Drops every entry not rendered from data version `version`.
    public func removeAll(except version: Int) {
        let prefix = "\(version)|"
        storage.withLock { storage in
            storage.order.removeAll { !$0.hasPrefix(prefix) }
            storage.entries = storage.entries.filter { $0.key.hasPrefix(prefix) }
        }
    }

    public var count: Int { storage.withLock { $0.entries.count } }
}
