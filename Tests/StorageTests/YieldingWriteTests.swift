import Foundation
import Storage
import Testing

/// A yielding write gives up after its own short busy timeout when another process holds the
/// write lock, and leaves the pool's writer with its usual timeout afterwards.
@Suite struct YieldingWriteTests {
    @Test func aYieldingWriteGivesUpQuicklyAndRestoresTheBusyTimeout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("yield.sqlite")
        let pool = try DatabasePool(path: path, configuration: .init(readerCount: 1, busyTimeoutMilliseconds: 3000))
        defer { pool.close() }
        try pool.write { try $0.execute("CREATE TABLE t (n INTEGER NOT NULL)") }
        let other = try Connection(path: path)
        try other.execute("BEGIN IMMEDIATE")
        let started = Date()
        #expect(throws: DatabaseError.self) {
            try pool.yieldingWrite(busyTimeoutMilliseconds: 100) { try $0.execute("INSERT INTO t VALUES (1)") }
        }
        let waited = Date().timeIntervalSince(started)
        #expect(waited < 2, "waited \(waited) s")
        try other.execute("ROLLBACK")
        other.close()
        #expect(try pool.writeWithoutTransaction { try $0.scalar(Int.self, "PRAGMA busy_timeout") } == 3000)
        try pool.yieldingWrite(busyTimeoutMilliseconds: 100) { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT sum(n) FROM t") } == 2)
    }
}
