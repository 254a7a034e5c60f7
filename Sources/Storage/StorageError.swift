/// Misuse or mismatch detected by this layer itself, before or after SQLite is asked.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `prepare` was given more than one statement; use `executeScript` for scripts.
    case multipleStatements(sql: String)
    /// The SQL holds no statement at all (only whitespace or comments).
    case emptyStatement(sql: String)
    /// The number of arguments does not match the statement's parameters.
    case argumentCountMismatch(expected: Int, given: Int, sql: String)
    /// A row has no column of this name.
    case columnNotFound(name: String, sql: String)
    /// A column index outside the row.
    case columnIndexOutOfRange(index: Int, count: Int, sql: String)
    /// A stored value that does not convert to the requested Swift type.
    case typeMismatch(column: String, expected: String, found: String, sql: String)
    /// The database file's directory does not exist; SQLite creates files, not directories.
    case parentDirectoryMissing(path: String)
    /// The backup destination already exists; a backup never overwrites a file.
    case destinationExists(path: String)
    /// The pool was closed; no connection is available any more.
    case poolClosed
    /// `write` was called from inside `write` on the same thread, which would deadlock.
    case reentrantWrite

    public var description: String {
        switch self {
        case .multipleStatements(let sql):
            return "More than one statement in a single prepare (use executeScript): \(sql)"
        case .emptyStatement(let sql):
            return "No SQL statement in: \(sql)"
        case .argumentCountMismatch(let expected, let given, let sql):
            return "Statement expects \(expected) arguments, \(given) given: \(sql)"
        case .columnNotFound(let name, let sql):
            return "No column named \(name) in: \(sql)"
        case .columnIndexOutOfRange(let index, let count, let sql):
            return "Column index \(index) out of range 0..<\(count) in: \(sql)"
        case .typeMismatch(let column, let expected, let found, let sql):
            return "Column \(column) holds \(found), not convertible to \(expected), in: \(sql)"
        case .parentDirectoryMissing(let path):
            return "The directory for the database file does not exist: \(path)"
        case .destinationExists(let path):
            return "Backup destination already exists: \(path)"
        case .poolClosed:
            return "The database pool is closed"
        case .reentrantWrite:
            return "write called inside write on the same thread"
        }
    }
}
