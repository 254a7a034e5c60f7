import Foundation
import Storage
import SurveyData
import Synchronization

/// Holds the current ``DataSnapshot`` and the rendered-response cache, both keyed by data version.
///
/// Requests read the snapshot from memory. The stored version is re-read at most once per
/// `recheckInterval` (so writes by another process, e.g. an import, show up within it), and at
/// once when a writer in this process calls ``markStale()`` after committing.
///
/// Read your writes: every ``markStale()`` raises a generation number, and a request that starts
/// after it gets a snapshot loaded after it — it waits for a reload in progress rather than being
/// served the old snapshot by another thread. Reloads are one at a time, and one reload covers
/// every write committed before it began, so a burst of writes costs one reload, not one each.
public final class SurveyDataStore: Sendable {
    private struct State {
        var snapshot: DataSnapshot
        var checkedAt: UInt64
        /// Raised by ``markStale()``: writes committed in this process that the snapshot must show.
        var requiredGeneration = 0
        /// The generation the installed snapshot was loaded at (it shows every write marked before).
        var loadedGeneration = 0
    }

    /// The database the snapshots are read from.
    let pool: DatabasePool
    private let recheckNanoseconds: UInt64
    private let state: Mutex<State>
    /// Held while a snapshot is read from the database, so reloads do not run side by side.
    private let reloading = Mutex<Void>(())
    private let loads = Atomic<Int>(1)
    /// Rendered responses of the current version; emptied whenever the version changes.
    public let responses: ResponseCache

    /// How many times a snapshot was built from the database (the first one included): a reload
    /// reads every answer set, so what triggers one matters to write throughput.
    public var snapshotLoads: Int { loads.load(ordering: .relaxed) }

    /// The database file the store reads.
    var databasePath: String { pool.path }

    /// Loads the first snapshot.
    /// - Parameter recheckInterval: seconds between checks of the stored data version.
    public init(pool: DatabasePool, recheckInterval: Double = 1) throws {
        self.pool = pool
        self.recheckNanoseconds = UInt64(max(recheckInterval, 0) * 1e9)
        let snapshot = try pool.read { try DataSnapshot.load($0) }
        self.state = Mutex(State(snapshot: snapshot, checkedAt: DispatchTime.now().uptimeNanoseconds))
        self.responses = ResponseCache()
    }

    /// The snapshot of the current data version (reloaded first if the stored version moved on).
    public func snapshot() throws -> DataSnapshot {
        let now = DispatchTime.now().uptimeNanoseconds
        let (current, required, due) = state.withLock { state -> (DataSnapshot, Int, Bool) in
            if state.loadedGeneration < state.requiredGeneration { return (state.snapshot, state.requiredGeneration, true) }
            let due = now &- state.checkedAt >= recheckNanoseconds
            if due { state.checkedAt = now }
            return (state.snapshot, state.requiredGeneration, due)
        }
        guard due else { return current }
        return try refresh(knowing: current, required: required)
    }

    /// The cheap invalidation hook for writers: call after committing; the next `snapshot()`
    /// re-reads the stored version (and reloads if it moved), so every read after the write
    /// includes it, while the writer itself does not pay for the reload (measured: eager
    /// reloading after each submission held 8 writers to 24/s, this to ~350/s).
    public func markStale() {
        state.withLock { $0.requiredGeneration += 1 }
    }

    /// Whether the database answers a read now (for `/health`).
    public func storedVersion() throws -> Int {
        try pool.read { try DataVersionRepository.current($0) }
    }

    /// Reloads if the stored version moved on; returns a snapshot that shows every write marked
    /// up to generation `required`.
    private func refresh(knowing current: DataSnapshot, required: Int) throws -> DataSnapshot {
        try reloading.withLock { _ in
            // A reload that began after our requirement may have finished while we waited.
            let (installed, loaded) = state.withLock { ($0.snapshot, $0.loadedGeneration) }
            if loaded >= required, installed !== current { return installed }
            // Every write marked up to now is committed: what is read below shows all of them.
            let generation = state.withLock { $0.requiredGeneration }
            let stored = try pool.read { try DataVersionRepository.current($0) }
            var fresh = installed
            if stored != installed.version {
                fresh = try pool.read { try DataSnapshot.load($0) }
                loads.add(1, ordering: .relaxed)
            }
            state.withLock { state in
                state.snapshot = fresh
                state.loadedGeneration = max(state.loadedGeneration, generation)
            }
            responses.removeAll(except: fresh.version)
            return fresh
        }
    }
}
