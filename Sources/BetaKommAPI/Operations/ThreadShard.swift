import Foundation
import Synchronization

/// A small per-thread index, so that counters updated from several event-loop threads can be kept
/// in one shard per thread instead of behind one lock whose cache line both cores keep stealing.
/// The first `count` threads to ask get distinct shards; later threads share them round-robin.
enum ThreadShard {
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()
    private static let issued = Atomic<Int>(0)
    /// Shards for per-thread state: more than the event loops of a small machine, so that each
    /// loop gets its own.
    static let defaultCount = 8

    /// This thread's shard number in `0..<count`.
    static func current(of count: Int) -> Int {
        guard let key else { return 0 }
        if let stored = pthread_getspecific(key) {
            return (Int(bitPattern: stored) - 1) % count
        }
        let number = issued.add(1, ordering: .relaxed).oldValue
        // Stored plus one: a null pointer means "not assigned yet".
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: number + 1))
        return number % count
    }
}
