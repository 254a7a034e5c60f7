import CSQLite

extension Statement {
    /// Binds all parameters at once, in order; the count must match exactly so that no
    /// parameter keeps a value from a previous run.
    public func bind(_ arguments: [(any DatabaseValueConvertible)?]) throws {
        guard arguments.count == parameterCount else {
            throw StorageError.argumentCountMismatch(expected: parameterCount, given: arguments.count, sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument?.databaseValue ?? .null, at: offset + 1)
        }
    }

    /// Binds one value to the parameter at `index` (1-based).
    public func bind(_ value: DatabaseValue, at index: Int) throws {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let int):
            code = sqlite3_bind_int64(handle, position, int)
        case .real(let double):
            code = sqlite3_bind_double(handle, position, double)
        case .text(let text):
            code = bindText(text, at: position)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A zero-length blob has no base address, and a NULL pointer would bind SQL
                // NULL (https://www.sqlite.org/c3ref/bind_blob.html), so bind a zeroblob.
                guard let base = buffer.baseAddress, buffer.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, position, 0)
                }
                return sqlite3_bind_blob64(handle, position, base, sqlite3_uint64(buffer.count), SQLITE_TRANSIENT)
            }
        }
        try check(code)
    }

    /// Binds an integer without going through `DatabaseValue` (the hot path of key lookups).
    public func bind(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    /// Binds an integer without going through `DatabaseValue`.
    public func bind(_ value: Int, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), Int64(value)))
    }

    /// Binds text without going through `DatabaseValue`.
    public func bind(_ value: String, at index: Int) throws {
        try check(bindText(value, at: Int32(index)))
    }

    /// Binds any convertible value (nil binds NULL).
    public func bind<Value: DatabaseValueConvertible>(_ value: Value, at index: Int) throws {
        try bind(value.databaseValue, at: index)
    }

    /// Text is passed with its byte length, so embedded NUL characters survive and SQLite
    /// need not scan for a terminator.
    private func bindText(_ text: String, at position: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                // An empty String may have no storage; bind a zero-length text, not NULL.
                return sqlite3_bind_text64(handle, position, "", 0, SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                sqlite3_bind_text64(handle, position, chars, sqlite3_uint64(utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError.current(sqlite3_db_handle(handle), code: code, sql: sql)
        }
    }
}
