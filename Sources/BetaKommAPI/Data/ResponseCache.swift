import HTTPServer
import SurveyData
import Synchronization

/// Rendered responses keyed by role and request target (the target names the representation:
/// path, format, variant, filters), each stamped with the data version it was rendered from.
/// A hit of the current version is answered with the stored headers and bytes: no rendering,
/// no encoding, no string building. Bounded: when full, the oldest half is dropped.
public final class ResponseCache: Sendable {
    /// A response ready to send, and the version it shows.
    public struct Entry: Sendable {
        public let version: Int
        public let etag: String
        /// The 200 response as sent again: prepared headers and body.
        public let response: Response
        /// The pattern of the route that rendered it, for metrics and the access log when a hit
        /// is served without routing.
        public let route: String?

        public init(version: Int, etag: String, headers: HTTPHeaders, body: [UInt8], route: String?) {
            self.version = version
            self.etag = etag
            self.response = Response(status: .ok, headers: headers.prepared(), body: body)
            self.route = route
        }
    }

    struct Key: Hashable, Sendable {
        let role: Role
        let target: String
        /// The gzip-coded variant of the same representation.
        var gzip = false
    }

    private struct Storage {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
    }

    private let capacity: Int
    private let storage = Mutex(Storage())

    public init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    func entry(for key: Key, version: Int) -> Entry? {
        guard let entry = entry(for: key), entry.version == version else { return nil }
        return entry
    }

    /// The entry for `key`, of whatever data version it was rendered from.
    func entry(for key: Key) -> Entry? {
        storage.withLock { $0.entries[key] }
    }

    func store(_ entry: Entry, for key: Key) {
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
        storage.withLock { storage in
            storage.entries = storage.entries.filter { $0.value.version == version }
            storage.order.removeAll { storage.entries[$0] == nil }
        }
    }

    public var count: Int { storage.withLock { $0.entries.count } }
}
