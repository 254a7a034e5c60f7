import CSQLite

/// SQLite's extended result codes that callers test for. `sqlite3.h` defines them as
/// `(SQLITE_CONSTRAINT | (8<<8))` and so on, macros Swift does not import; these mirror the
/// header (https://www.sqlite.org/rescode.html#extrc).
public enum ResultCode {
    public static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
    public static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    public static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
    public static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    public static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
}
