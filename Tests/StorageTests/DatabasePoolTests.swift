import Foundation
import CSQLite
import Storage
import Synchronization
import Testing

@Suite struct DatabasePoolTests {
    @Test func eightReadersSeeOnlyCommittedStatesWhileOneWriterWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("pool.sqlite"), configuration: .init(readerCount: 4))
        try pool.write { connection in
            try connection.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)")
            try connection.execute("INSERT INTO account VALUES (1, 1000), (2, 0)")
        }
        let total = 1000
        let transfers = 150
        let errors = Mutex<[String]>([])
        let reads = Atomic<Int>(0)
        let writerDone = Atomic<Bool>(false)
        let group = DispatchGroup()

        for _ in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                repeat {
                    do {
                        // Two separate statements: only the read transaction's snapshot keeps
                        // them consistent with each other.
                        let sum = try pool.read { connection in
                            let a = try connection.scalar(Int.self, "SELECT amount FROM account WHERE id = 1") ?? -1
                            let b = try connection.scalar(Int.self, "SELECT amount FROM account WHERE id = 2") ?? -1
                            return a + b
                        }
                        if sum != total { errors.withLock { $0.append("torn read: \(sum)") } }
                        reads.add(1, ordering: .relaxed)
                    } catch {
                        errors.withLock { $0.append("read: \(error)") }
                    }
                } while !writerDone.load(ordering: .acquiring)
            }
        }
        group.enter()
        Thread.detachNewThread {
            defer {
                writerDone.store(true, ordering: .releasing)
                group.leave()
            }
            for step in 1...transfers {
                do {
                    try pool.write { connection in
                        try connection.execute("UPDATE account SET amount = amount - ? WHERE id = 1", [step % 7 + 1])
                        try connection.execute("UPDATE account SET amount = amount + ? WHERE id = 2", [step % 7 + 1])
                    }
                } catch {
                    errors.withLock { $0.append("write: \(error)") }
                }
            }
        }
        group.wait()

        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0.prefix(5) })")
        #expect(reads.load(ordering: .relaxed) >= 8)
        let moved = (1...transfers).reduce(0) { $0 + $1 % 7 + 1 }
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT amount FROM account WHERE id = 2") } == moved)
    }

    @Test func readConnectionsRefuseWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("ro.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        let error = try #require(throws: DatabaseError.self) {
            try pool.read { try $0.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(error.resultCode == 8) // SQLITE_READONLY
    }

    @Test func writeRollsBackOnThrowAndReentrantWriteIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("rw.sqlite"))
        try pool.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        #expect(throws: StorageError.reentrantWrite) {
            try pool.write { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                try pool.write { try $0.execute("INSERT INTO t VALUES (2)") }
            }
        }
        #expect(try pool.read { try $0.scalar(Int.self, "SELECT count(*) FROM t") } == 0)
    }

    @Test func closedPoolRefusesWork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("closed.sqlite"))
        pool.close()
        #expect(throws: StorageError.poolClosed) { try pool.read { _ in 1 } }
        #expect(throws: StorageError.poolClosed) { try pool.write { _ in 1 } }
        pool.close()
    }
}

@Suite struct DatabasePoolStatementTests {
    @Test func aStatementLeftMidRunDoesNotBreakTheNextRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("midrun.sqlite"), configuration: .init(readerCount: 1))
        try pool.write { connection in
            try connection.execute("CREATE TABLE t (x INTEGER)")
            try connection.execute("INSERT INTO t VALUES (1), (2)")
        }
        try pool.read { connection in
            let statement = try connection.cachedStatement("SELECT x FROM t ORDER BY x")
            #expect(try statement.step())
            #expect(try statement.get(Int.self, at: 0) == 1)
        }
        try pool.write { try $0.execute("INSERT INTO t VALUES (3)") }
        let values = try pool.read { connection in
            try connection.query("SELECT x FROM t ORDER BY x").map { try $0.get(Int.self, at: 0) }
        }
        #expect(values == [1, 2, 3])
    }
}

@Suite struct DatabasePoolContentionTests {
    /// Two pools on one file stand for two processes (the server and `betakomm import`):
    /// their writers meet at SQLite's write lock, where BEGIN IMMEDIATE and the busy timeout
    /// make the second wait instead of failing with SQLITE_BUSY.
    @Test func twoPoolsWritingTheSameFileWaitForEachOther() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("shared.sqlite")
        let first = try DatabasePool(path: path, configuration: .init(readerCount: 1))
        let second = try DatabasePool(path: path, configuration: .init(readerCount: 1))
        try first.write { try $0.execute("CREATE TABLE counter (n INTEGER NOT NULL)") }
        try first.write { try $0.execute("INSERT INTO counter VALUES (0)") }
        let errors = Mutex<[String]>([])
        let group = DispatchGroup()
        for pool in [first, second] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for _ in 0..<40 {
                    do {
                        try pool.write { connection in
                            // Read then write in one transaction: lost updates would show.
                            let n = try connection.scalar(Int.self, "SELECT n FROM counter") ?? 0
                            try connection.execute("UPDATE counter SET n = ?", [n + 1])
                        }
                    } catch {
                        errors.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        group.wait()
        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0.prefix(3) })")
        #expect(try second.read { try $0.scalar(Int.self, "SELECT n FROM counter") } == 80)
    }
}

@Suite struct DatabasePoolVFSTests {
    @Test func everyConnectionOpensThroughTheNamedVFS() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // "unix" is the default by name; the unknown-name test below shows the name is not ignored.
        // (The other built-in Unix VFSes lack the shared memory WAL needs.)
        let pool = try DatabasePool(path: directory.path("vfs.sqlite"), configuration: .init(readerCount: 1, vfsName: "unix"))
        defer { pool.close() }
        try pool.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        let vfs = try pool.read { db -> String? in
            var name: UnsafeMutablePointer<CChar>?
            guard sqlite3_file_control(db.handle, "main", SQLITE_FCNTL_VFSNAME, &name) == SQLITE_OK, let name else { return nil }
            defer { sqlite3_free(name) }
            return String(cString: name)
        }
        #expect(vfs == "unix")
    }

    @Test func anUnknownVFSIsAnErrorNotTheDefault() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: DatabaseError.self) {
            _ = try DatabasePool(path: directory.path("none.sqlite"), configuration: .init(vfsName: "no-such-vfs"))
        }
    }
}
