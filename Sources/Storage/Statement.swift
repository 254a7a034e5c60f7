import CSQLite

/// One prepared SQL statement (`sqlite3_stmt`), confined like its connection to one thread
/// at a time.
///
/// Parameters are numbered from 1, as in SQLite; columns from 0, as in SQLite's
/// `sqlite3_column_*` (https://www.sqlite.org/c3ref/bind_blob.html,
/// https://www.sqlite.org/c3ref/column_blob.html).
public final class Statement {
    /// The underlying `sqlite3_stmt*`; exposed for code that must call the C API directly.
    public let handle: OpaquePointer
    /// The SQL text the statement was prepared from.
    public let sql: String
    /// The number of `?` / `:name` parameters (`sqlite3_bind_parameter_count`).
    public let parameterCount: Int

    private var cachedColumnNames: [String]?
    private var cachedColumnIndexes: [String: Int]?
    private var columnNamesReprepareCount: Int32 = 0

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(handle))
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Prepares exactly one statement. SQLite would silently ignore everything after the first
    /// statement (it only reports the unused `tail`), so a second statement is refused with
    /// `StorageError.multipleStatements`: SQLite itself decides whether the tail is only
    /// whitespace and comments, by preparing it — "If the input text contains no SQL (if the
    /// input is an empty string or a comment) then *ppStmt is set to NULL"
    /// (https://www.sqlite.org/c3ref/prepare.html).
    static func prepare(_ sql: String, database: OpaquePointer, flags: UInt32) throws -> Statement {
        let handle: OpaquePointer = try sql.withCString { text in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database, text, -1, flags, &statement, &tail)
            guard code == SQLITE_OK else {
                throw DatabaseError.current(database, code: code, sql: sql)
            }
            guard let statement else { throw StorageError.emptyStatement(sql: sql) }
            if let tail, tail.pointee != 0 {
                var extra: OpaquePointer?
                let tailCode = sqlite3_prepare_v3(database, tail, -1, 0, &extra, nil)
                if tailCode != SQLITE_OK || extra != nil {
                    sqlite3_finalize(extra)
                    sqlite3_finalize(statement)
                    throw StorageError.multipleStatements(sql: sql)
                }
            }
            return statement
        }
        return Statement(handle: handle, sql: sql)
    }

    // MARK: Execution

    /// Advances to the next row: true when a row is available, false when done.
    /// SQLITE_BUSY only surfaces after the connection's busy timeout has expired.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError.current(sqlite3_db_handle(handle), code: code, sql: sql)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept
    /// (https://www.sqlite.org/c3ref/reset.html). Its return code repeats the last `step`
    /// error, which `step` has already thrown, so it is not checked here.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL, releasing SQLite's copies of bound text and blobs.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// True between the first `step` and `reset`/the last row (`sqlite3_stmt_busy`).
    public var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    // MARK: Columns

    /// The number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result column names, computed once and again only after SQLite re-prepared the
    /// statement for a schema change (which may change `SELECT *`).
    public var columnNames: [String] {
        let reprepares = sqlite3_stmt_status(handle, Int32(SQLITE_STMTSTATUS_REPREPARE), 0)
        if let cachedColumnNames, reprepares == columnNamesReprepareCount {
            return cachedColumnNames
        }
        let names = (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
        cachedColumnNames = names
        cachedColumnIndexes = nil
        columnNamesReprepareCount = reprepares
        return names
    }

    /// The index of the first column of that name, compared case-insensitively as SQLite
    /// compares identifiers; nil when absent.
    public func columnIndex(named name: String) -> Int? {
        let names = columnNames
        if let indexes = cachedColumnIndexes {
            return indexes[name] ?? indexes[name.lowercased()]
        }
        var indexes: [String: Int] = [:]
        for (index, columnName) in names.enumerated().reversed() {
            indexes[columnName] = index
            indexes[columnName.lowercased()] = index
        }
        cachedColumnIndexes = indexes
        return indexes[name] ?? indexes[name.lowercased()]
    }
}
