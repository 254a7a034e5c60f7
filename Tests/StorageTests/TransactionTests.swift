import Foundation
import Storage
import Testing

private struct Abort: Error {}

@Suite struct TransactionTests {
    @Test func thrownErrorRollsBackAndReturnCommits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("tx.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Abort.self) {
            try connection.transaction(kind: .immediate) { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                #expect(connection.isInTransaction)
                throw Abort()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.scalar(Int.self, "SELECT count(*) FROM t") == 0)
        let inserted = try connection.transaction(kind: .immediate) { connection in
            try connection.execute("INSERT INTO t VALUES (2)")
            return connection.lastInsertRowID
        }
        #expect(inserted == 1)
        // A second connection sees the committed row: it really was committed.
        let other = try Connection(path: directory.path("tx.sqlite"))
        #expect(try other.scalar(Int.self, "SELECT x FROM t") == 2)
    }

    @Test func failedStatementInsideTransactionRollsBackEarlierStatements() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("tx2.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        #expect(throws: DatabaseError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try connection.scalar(Int.self, "SELECT count(*) FROM t") == 0)
    }
}
