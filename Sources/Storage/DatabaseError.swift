import CSQLite

/// An error reported by SQLite, with the extended result code, SQLite's message and the SQL
/// text that failed. The bound values are deliberately never part of it: they may hold
/// tokens or personal answers, and errors end up in logs (the same rule as GRDB's
/// `DatabaseError`, whose `description` hides arguments).
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (https://www.sqlite.org/rescode.html#extrc), e.g. 2067 for
    /// `SQLITE_CONSTRAINT_UNIQUE`. Connections enable extended codes, so this is the full code.
    public let extendedResultCode: Int32
    /// SQLite's message for the failure (`sqlite3_errmsg`), e.g. "UNIQUE constraint failed: t.name".
    public let message: String
    /// The SQL text whose preparation or execution failed, when there was one.
    public let sql: String?

    public init(extendedResultCode: Int32, message: String, sql: String?) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code: the low 8 bits of the extended code
    /// (https://www.sqlite.org/rescode.html, "Primary Result Codes versus Extended Result Codes").
    public var resultCode: Int32 { extendedResultCode & 0xFF }

    /// Any constraint failure: UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL, CHECK, ….
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    /// A UNIQUE or PRIMARY KEY constraint failure (SQLite reports the latter with its own code).
    public var isUniqueViolation: Bool {
        extendedResultCode == ResultCode.constraintUnique || extendedResultCode == ResultCode.constraintPrimaryKey
    }

    /// A FOREIGN KEY constraint failure (`SQLITE_CONSTRAINT_FOREIGNKEY`).
    public var isForeignKeyViolation: Bool { extendedResultCode == ResultCode.constraintForeignKey }

    /// A NOT NULL constraint failure (`SQLITE_CONSTRAINT_NOTNULL`).
    public var isNotNullViolation: Bool { extendedResultCode == ResultCode.constraintNotNull }

    /// A CHECK constraint failure (`SQLITE_CONSTRAINT_CHECK`).
    public var isCheckViolation: Bool { extendedResultCode == ResultCode.constraintCheck }

    /// The database was locked by another connection for longer than the busy timeout
    /// (`SQLITE_BUSY`) or by a conflicting lock in this process (`SQLITE_LOCKED`).
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    /// The file, not the statement, is the trouble: it cannot be opened (`SQLITE_CANTOPEN`), is
    /// not a database or is damaged (`SQLITE_NOTADB`, `SQLITE_CORRUPT`), cannot be read or written
    /// (`SQLITE_IOERR`, `SQLITE_PERM`, `SQLITE_READONLY`); sqlite.org/rescode.html.
    public var isFileUnavailable: Bool {
        [SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_IOERR, SQLITE_PERM, SQLITE_READONLY].contains(resultCode)
    }

    /// SQLite's English name of the code, e.g. "constraint failed" (`sqlite3_errstr`).
    public var codeDescription: String { String(cString: sqlite3_errstr(extendedResultCode)) }

    public var description: String {
        var text = "SQLite error \(extendedResultCode) (\(codeDescription)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}

extension DatabaseError {
    /// The error the connection `db` holds right now, for a call that returned `code`.
    static func current(_ db: OpaquePointer?, code: Int32, sql: String?) -> DatabaseError {
        // With extended codes on, sqlite3_extended_errcode equals the returned code; the
        // returned code is the one that cannot be overwritten by a later call.
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return DatabaseError(extendedResultCode: code, message: message, sql: sql)
    }
}
