import HTTPServer
import Synchronization

/// The service's counters, fed by the server's completion hook and read by `GET /metrics`.
///
/// Everything a response changes sits in one of a few shards, each behind its own `Mutex`: a
/// thread takes only its own shard's lock (``ThreadShard``), so the event loops neither wait for
/// each other nor pass one cache line back and forth; a read sums the shards. Open connections
/// come from the server's own atomics, submissions from ``SubmissionCounter``'s.
public final class ServiceMetrics: Sendable {
    /// Upper bounds (seconds) of the duration histogram: cached reads land in the first buckets,
    /// writes (an fsync each) in the middle, anything pathological in the last.
    public static let durationBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Methods counted under their own name; anything else is `OTHER`, so a client cannot mint series.
    static let knownMethods: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// The method's label, or `OTHER` for one a client made up (labels must stay a bounded set).
    static func label(for method: HTTPMethod) -> String {
        knownMethods.contains(method) ? method.rawValue : "OTHER"
    }
    /// The route label of a response no route produced (404s, parse errors, 401 before routing).
    static let unmatchedRoute = "unmatched"

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct Counts {
        var requests: [RequestKey: Int] = [:]
        /// The key counted last and how often since, not yet in `requests`: a busy server answers
        /// the same route again and again, and comparing keys whose strings are the same objects
        /// costs a few instructions where hashing them cost ~600 per request (callgrind).
        var lastKey: RequestKey?
        var lastKeyCount = 0
        /// Per bucket (not cumulative); the last element counts durations above every bound.
        var bucketCounts = [Int](repeating: 0, count: ServiceMetrics.durationBuckets.count + 1)
        var durationSum: Double = 0
        var durationCount = 0
        var bytesReceived = 0
        var bytesSent = 0

        mutating func count(_ key: RequestKey) {
            if key == lastKey {
                lastKeyCount += 1
            } else {
                settle()
                lastKey = key
                lastKeyCount = 1
            }
        }

        /// Moves the pending count of `lastKey` into `requests`.
        mutating func settle() {
            if let lastKey { requests[lastKey, default: 0] += lastKeyCount }
            lastKey = nil
            lastKeyCount = 0
        }
    }

    public let submissions: SubmissionCounter
    /// One per shard; separate objects, so that two loops' counters do not share a cache line.
    private let shards: [Shard] = (0..<ServiceMetrics.shardCount).map { _ in Shard() }
    private let server = Mutex<ServerMetrics?>(nil)

    public init(submissions: SubmissionCounter = SubmissionCounter()) {
        self.submissions = submissions
    }

    /// Connects the server whose open connections the gauge reports (the server is built after
    /// the routes that serve the metrics, hence not an init parameter).
    func attach(_ serverMetrics: ServerMetrics) {
        server.withLock { $0 = serverMetrics }
    }

    var openConnections: Int? { server.withLock { $0?.openConnections } }

    /// Counts one response.
    public func record(_ completed: CompletedRequest) {
        // Optional chaining reads the one field; `completed.request.map { … }` would copy the whole request.
        let method = (completed.request?.method).map(Self.label(for:)) ?? "OTHER"
        let key = RequestKey(route: completed.route ?? Self.unmatchedRoute, method: method, status: completed.status.code)
        let bucket = Self.durationBuckets.firstIndex { completed.duration <= $0 } ?? Self.durationBuckets.count
        shards[ThreadShard.current(of: shards.count)].counts.withLock { counts in
            counts.count(key)
            counts.bucketCounts[bucket] += 1
            counts.durationSum += completed.duration
            counts.durationCount += 1
            counts.bytesReceived += completed.bytesIn
            counts.bytesSent += completed.bytesOut
        }
    }

    /// The sum of every shard.
    var snapshot: Counts {
        var total = Counts()
        for shard in shards {
            var counts = shard.counts.withLock { $0 }
            counts.settle()
            total.requests.merge(counts.requests, uniquingKeysWith: +)
            for index in total.bucketCounts.indices { total.bucketCounts[index] += counts.bucketCounts[index] }
            total.durationSum += counts.durationSum
            total.durationCount += counts.durationCount
            total.bytesReceived += counts.bytesReceived
            total.bytesSent += counts.bytesSent
        }
        return total
    }

    /// Enough for the event loops (one per core) and the handler pool's threads of a small machine;
    /// more threads than shards share them, which is still correct.
    static let shardCount = ThreadShard.defaultCount

    final class Shard: Sendable {
        let counts = Mutex(Counts())
    }
}
