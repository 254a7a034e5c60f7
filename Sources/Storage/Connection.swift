import CSQLite
import Foundation

/// One SQLite connection (`sqlite3*`) to a database file.
///
/// A connection is not thread-safe: it is opened with `SQLITE_OPEN_NOMUTEX` and must be used
/// by one thread at a time. `DatabasePool` guarantees that; use a `Connection` directly only
/// from a single thread (tools, tests, migrations before serving).
public final class Connection {
    /// The underlying `sqlite3*`; exposed for code that must call the C API directly.
    public let handle: OpaquePointer
    /// The database file path this connection was opened on.
    public let path: String

    // The two caches are touched on every query. Their accesses never overlap (no access
    // calls out while another is open, and a connection is confined to one thread), so the
    // runtime's dynamic exclusivity check on each class-property access buys nothing here;
    // storage-benchmark measured it at ~25 ns of a ~550 ns read.
    @exclusivity(unchecked) private var statementCache: [String: Statement] = [:]
    /// The same statements indexed by `CachedSQL.slot`.
    @exclusivity(unchecked) private var slotStatements: [Statement?] = []
    private var isClosed = false

    /// Opens (creating if missing) the database file at `path` and applies `configuration`.
    /// The file's directory must exist: `StorageError.parentDirectoryMissing` otherwise.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StorageError.parentDirectoryMissing(path: path)
        }
        // SQLITE_OPEN_NOMUTEX selects the "multi-thread" threading mode for this connection:
        // "SQLite can be safely used by multiple threads provided that no single database
        // connection nor any object derived from database connection, such as a prepared
        // statement, is used in two or more threads at the same time"
        // (https://www.sqlite.org/threadsafe.html). DatabasePool hands each connection to one
        // thread at a time, so SQLite's per-call connection mutex would only cost time.
        // SQLITE_OPEN_EXRESCODE makes even sqlite3_open_v2's own failure an extended code.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var database: OpaquePointer?
        let code = sqlite3_open_v2(path, &database, flags, configuration.vfsName)
        guard code == SQLITE_OK, let database else {
            let error = DatabaseError.current(database, code: code, sql: nil)
            sqlite3_close_v2(database)
            throw error
        }
        self.handle = database
        self.path = path
        do {
            try configure(configuration)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private func configure(_ configuration: Configuration) throws {
        // Extended codes tell SQLITE_CONSTRAINT_UNIQUE from SQLITE_CONSTRAINT_FOREIGNKEY and
        // SQLITE_BUSY_SNAPSHOT from SQLITE_BUSY (https://www.sqlite.org/rescode.html#extrc).
        sqlite3_extended_result_codes(handle, 1)
        // Wait up to this long for a lock instead of failing at once with SQLITE_BUSY
        // (https://www.sqlite.org/c3ref/busy_timeout.html).
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        // Foreign keys are off by default for backwards compatibility and must be enabled per
        // connection (https://www.sqlite.org/foreignkeys.html#fk_enable).
        try execute("PRAGMA foreign_keys = ON")
        if configuration.writeAheadLog {
            // WAL: "readers do not block writers and a writer does not block readers"
            // (https://www.sqlite.org/wal.html). The mode is persistent in the file.
            let mode = try scalar(String.self, "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(extendedResultCode: SQLITE_ERROR,
                                    message: "journal_mode stayed \(mode ?? "unknown") instead of wal",
                                    sql: "PRAGMA journal_mode = WAL")
            }
        }
        // "With synchronous=FULL in WAL mode, an additional sync operation of the WAL file
        // happens after each transaction commit. The extra WAL sync following each transaction
        // help ensure that transactions are durable across a power loss."
        // (https://www.sqlite.org/pragma.html#pragma_synchronous). An answer we acknowledged
        // must not vanish; NORMAL would only keep the file consistent, not durable.
        try execute("PRAGMA synchronous = FULL")
        if configuration.queryOnly {
            // "prevents data changes on database files" (https://www.sqlite.org/pragma.html#pragma_query_only)
            try execute("PRAGMA query_only = ON")
        }
    }

    /// Finalizes cached statements and closes the connection. `sqlite3_close_v2` defers the
    /// real close until statements still held by callers are finalized.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        statementCache.removeAll()
        slotStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Statements

    /// Prepares a statement owned by the caller (finalized when released).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement.prepare(sql, database: handle, flags: 0)
    }

    /// The connection's prepared statement for this SQL text, prepared on first use and kept
    /// (like GRDB's statement cache). It is returned reset, ready to bind and run; reset it
    /// when done, and do not hold it across another use of the same SQL on this connection.
    public func cachedStatement(_ sql: String) throws -> Statement {
        try Self.readyToRun(statementCache[sql] ?? prepareForCache(sql))
    }

    /// As `cachedStatement(_: String)`, found by the `CachedSQL`'s slot without hashing.
    public func cachedStatement(_ sql: CachedSQL) throws -> Statement {
        try Self.readyToRun(slotStatement(sql))
    }

    /// A statement to run now for this SQL: the cached one, unless it is in the middle of a
    /// run (a query issued while iterating the same SQL), then a fresh one.
    func statementForUse(_ sql: String) throws -> Statement {
        guard let cached = statementCache[sql] else { return try prepareForCache(sql) }
        return cached.isBusy ? try prepare(sql) : Self.readyToRun(cached)
    }

    /// As `statementForUse(_: String)`, by slot.
    func statementForUse(_ sql: CachedSQL) throws -> Statement {
        let cached = try slotStatement(sql)
        return cached.isBusy ? try prepare(sql.text) : Self.readyToRun(cached)
    }

    private static func readyToRun(_ statement: Statement) -> Statement {
        // Always reset: binding to a statement "for which sqlite3_step() has been called more
        // recently than sqlite3_reset()" fails with SQLITE_MISUSE
        // (https://www.sqlite.org/c3ref/bind_blob.html), and a caller may have left it
        // mid-run or run it to completion without a reset.
        statement.reset()
        return statement
    }

    private func slotStatement(_ sql: CachedSQL) throws -> Statement {
        if sql.slot < slotStatements.count, let statement = slotStatements[sql.slot] {
            return statement
        }
        let statement = try statementCache[sql.text] ?? prepareForCache(sql.text)
        if sql.slot >= slotStatements.count {
            slotStatements.append(contentsOf: repeatElement(nil, count: sql.slot + 1 - slotStatements.count))
        }
        slotStatements[sql.slot] = statement
        return statement
    }

    private func prepareForCache(_ sql: String) throws -> Statement {
        // SQLITE_PREPARE_PERSISTENT: "the prepared statement will be retained for a long time
        // and probably reused many times" (https://www.sqlite.org/c3ref/c_prepare_normalize.html).
        let statement = try Statement.prepare(sql, database: handle, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        statementCache[sql] = statement
        return statement
    }

    /// Resets every statement of this connection left in the middle of a run. A SELECT that
    /// was stepped but not reset keeps a read transaction open after COMMIT — "An implicit
    /// transaction … is committed automatically when the last active statement finishes"
    /// (https://www.sqlite.org/lang_transaction.html) — so the connection would go on seeing
    /// an old snapshot and hold back WAL checkpoints.
    func resetBusyStatements() {
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 {
                sqlite3_reset(current)
            }
            statement = sqlite3_next_stmt(handle, current)
        }
    }

    // MARK: State

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE (`sqlite3_changes64`).
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Rows changed since the connection opened (`sqlite3_total_changes64`).
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

    /// True inside BEGIN … COMMIT/ROLLBACK (`sqlite3_get_autocommit` is 0).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
