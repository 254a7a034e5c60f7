import Foundation
import HTTPServer
import Synchronization

/// A token bucket per access token for submissions (`--write-rate-limit`): each token may write
/// `perMinute` times a minute, in bursts of up to `perMinute`; beyond it the write is refused with
/// 429 and `Retry-After` (RFC 6585 §4) before anything is read or stored. Buckets live in memory
/// (one process serves the service); full buckets are forgotten, so the table holds only tokens
/// that wrote in the last minute.
public final class WriteRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    public let perMinute: Int
    private let buckets = Mutex<[Int: Bucket]>([:])
    private let clock: @Sendable () -> Double

    /// - Parameter clock: seconds on a monotonic clock (tests pass their own).
    public init(perMinute: Int, clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.perMinute = max(perMinute, 1)
        self.clock = clock
    }

    /// Takes one write from `tokenID`'s bucket, or throws a 429 naming the seconds until one is free.
    public func admit(tokenID: Int) throws(HTTPError) {
        let now = clock()
        let capacity = Double(perMinute)
        let perSecond = capacity / 60
        let wait: Double? = buckets.withLock { buckets in
            var bucket = buckets[tokenID] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * perSecond)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[tokenID] = bucket
                if buckets.count > 4096 { Self.forgetFull(&buckets, now: now, capacity: capacity, perSecond: perSecond) }
                return nil
            }
            buckets[tokenID] = bucket
            return (1 - bucket.tokens) / perSecond
        }
        guard let wait else { return }
        let seconds = max(1, Int(wait.rounded(.up)))
        throw HTTPError(.tooManyRequests, detail: "This token may submit \(perMinute) times a minute; try again in \(seconds) s.",
                        type: "urn:betakomm:problem:rate-limited", headers: ["Retry-After": String(seconds)])
    }

    private static func forgetFull(_ buckets: inout [Int: Bucket], now: Double, capacity: Double, perSecond: Double) {
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * perSecond < capacity }
    }
}
