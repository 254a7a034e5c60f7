import CSQLite

extension Statement {
    /// The value of column `index` (0-based) of the current row.
    @inlinable
    public func value(at index: Int) -> DatabaseValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            return .text(text(at: column))
        case SQLITE_BLOB:
            // Call _blob before _bytes, as https://www.sqlite.org/c3ref/column_blob.html
            // advises; a zero-length blob gives a NULL pointer.
            guard let base = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob([UInt8](UnsafeRawBufferPointer(start: base, count: count)))
        default:
            return .null
        }
    }

    /// The value of column `index` (0-based) converted to `Value`; a NULL or a value of
    /// another storage class throws `StorageError.typeMismatch` unless `Value` accepts it
    /// (e.g. an Optional accepts NULL).
    @inlinable // specialized in the caller: no generic metadata lookups on the hot path
    public func get<Value: DatabaseValueConvertible>(_ type: Value.Type = Value.self, at index: Int) throws -> Value {
        guard index >= 0, index < columnCount else {
            throw StorageError.columnIndexOutOfRange(index: index, count: columnCount, sql: sql)
        }
        let stored = value(at: index)
        guard let converted = Value.fromDatabaseValue(stored) else {
            throw StorageError.typeMismatch(column: columnNames[index], expected: String(describing: Value.self),
                                            found: stored.storageClass, sql: sql)
        }
        return converted
    }

    /// The value of the column named `name` converted to `Value` (see `get(_:at:)`).
    @inlinable
    public func get<Value: DatabaseValueConvertible>(_ type: Value.Type = Value.self, named name: String) throws -> Value {
        guard let index = columnIndex(named: name) else {
            throw StorageError.columnNotFound(name: name, sql: sql)
        }
        return try get(type, at: index)
    }

    /// The whole current row.
    @inlinable
    public func row() -> Row {
        let count = columnCount
        var values: [DatabaseValue] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            values.append(value(at: index))
        }
        return Row(columnNames: columnNames, values: values, sql: sql)
    }

    @inlinable
    func text(at column: Int32) -> String {
        // Call _text before _bytes (https://www.sqlite.org/c3ref/column_blob.html).
        guard let base = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}
