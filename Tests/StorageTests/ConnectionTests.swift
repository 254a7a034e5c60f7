import Foundation
import Storage
import Testing

@Suite struct ConnectionTests {
    @Test func opensWithDurableConcurrentSettings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("settings.sqlite"))
        #expect(try connection.scalar(String.self, "PRAGMA journal_mode") == "wal")
        #expect(try connection.scalar(Int.self, "PRAGMA foreign_keys") == 1)
        #expect(try connection.scalar(Int.self, "PRAGMA synchronous") == 2) // FULL
        #expect(try connection.scalar(Int.self, "PRAGMA busy_timeout") == 5000)
        #expect(FileManager.default.fileExists(atPath: directory.path("settings.sqlite")))
    }

    @Test func missingParentDirectoryIsATypedError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("absent/db.sqlite")
        #expect(throws: StorageError.parentDirectoryMissing(path: path)) {
            try Connection(path: path)
        }
    }

    @Test func multiStatementPrepareIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("multi.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        let sql = "INSERT INTO t VALUES (1); DROP TABLE t"
        #expect(throws: StorageError.multipleStatements(sql: sql)) {
            try connection.execute(sql)
        }
        // Nothing of the refused text ran: the table is there and empty.
        #expect(try connection.scalar(Int.self, "SELECT count(*) FROM t") == 0)
        // A trailing semicolon, whitespace and comments are not a second statement.
        try connection.execute("INSERT INTO t VALUES (2); -- note\n /* more */ ")
        #expect(try connection.scalar(Int.self, "SELECT x FROM t") == 2)
        #expect(throws: StorageError.emptyStatement(sql: " -- only a comment")) {
            try connection.execute(" -- only a comment")
        }
    }

    @Test func argumentCountMustMatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("args.sqlite"))
        #expect(throws: StorageError.argumentCountMismatch(expected: 2, given: 1, sql: "SELECT ?, ?")) {
            try connection.query("SELECT ?, ?", [1])
        }
    }

    @Test func cachedStatementIsReusedPerSQLText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("cache.sqlite"))
        let first = try connection.cachedStatement("SELECT ?")
        let again = try connection.cachedStatement("SELECT ?")
        let other = try connection.cachedStatement("SELECT ? + 1")
        #expect(first === again)
        #expect(first !== other)
    }

    @Test func nestedQueryOfTheSameSQLWhileIteratingGetsItsOwnStatement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("nested.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        for value in 1...3 {
            try connection.execute("INSERT INTO t VALUES (?)", [value])
        }
        let sql = "SELECT x FROM t ORDER BY x"
        let outer = try connection.cachedStatement(sql)
        var seen: [Int] = []
        while try outer.step() {
            seen.append(try outer.get(Int.self, at: 0))
            #expect(try connection.query(sql).count == 3)
        }
        #expect(seen == [1, 2, 3])
    }

    @Test func lastInsertRowIDAndChanges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("rowid.sqlite"))
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
        try connection.execute("INSERT INTO t (x) VALUES (10), (20), (30)")
        #expect(connection.changes == 3)
        #expect(connection.lastInsertRowID == 3)
        try connection.execute("UPDATE t SET x = x + 1 WHERE x > ?", [15])
        #expect(connection.changes == 2)
    }
}

@Suite struct CachedSQLTests {
    static let insert: CachedSQL = "INSERT INTO t (x) VALUES (?)"
    static let byValue: CachedSQL = "SELECT x FROM t WHERE x = ?"

    @Test func slotAndTextShareOneCachedStatementPerConnection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("slots.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        let bySlot = try connection.cachedStatement(Self.byValue)
        #expect(try connection.cachedStatement(Self.byValue.text) === bySlot)
        #expect(try connection.cachedStatement(Self.byValue) === bySlot)
        let other = try Connection(path: directory.path("slots.sqlite"))
        #expect(try other.cachedStatement(Self.byValue) !== bySlot)
    }

    @Test func queriesByCachedSQLBindAndRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("queries.sqlite"))
        try connection.execute("CREATE TABLE t (x INTEGER)")
        for value in [3, 5, 5] {
            try connection.execute(Self.insert, [value])
        }
        #expect(try connection.query(Self.byValue, [5]).count == 2)
        #expect(try connection.queryOne(Self.byValue, [4]) == nil)
        #expect(try connection.scalar(Int.self, Self.byValue, [3]) == 3)
    }
}

@Suite struct StatementReuseTests {
    @Test func aCachedStatementRunToCompletionWithoutResetCanBeBoundAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.path("reuse.sqlite"))
        let sql = "SELECT ? + 1"
        let statement = try connection.cachedStatement(sql)
        try statement.bind(1, at: 1)
        #expect(try statement.step())
        #expect(try !statement.step()) // done, and not reset
        #expect(try connection.scalar(Int.self, sql, [41]) == 42)
        let again = try connection.cachedStatement(sql)
        try again.bind(9, at: 1)
        #expect(try again.step())
        #expect(try again.get(Int.self, at: 0) == 10)
    }
}
