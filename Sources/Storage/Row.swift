/// One result row: column names and values, detached from the statement that produced it
/// (so it may outlive the connection and cross threads).
public struct Row: Sendable, Equatable {
    /// The result column names, in order.
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [DatabaseValue]
    /// The SQL that produced the row, for error messages.
    public let sql: String

    public init(columnNames: [String], values: [DatabaseValue], sql: String) {
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at `index` (0-based); the index must be in range.
    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of the first column of that name (case-insensitive, as SQLite compares
    /// identifiers), or nil when there is no such column.
    public subscript(name: String) -> DatabaseValue? {
        index(of: name).map { values[$0] }
    }

    /// The value at `index` converted to `Value`; throws on a missing column or a value that
    /// does not convert (NULL converts only to an Optional).
    @inlinable // specialized in the caller: no generic metadata lookups on the hot path
    public func get<Value: DatabaseValueConvertible>(_ type: Value.Type = Value.self, at index: Int) throws -> Value {
        guard values.indices.contains(index) else {
            throw StorageError.columnIndexOutOfRange(index: index, count: values.count, sql: sql)
        }
        return try convert(values[index], column: columnNames[index])
    }

    /// The value of the column named `name` converted to `Value`.
    @inlinable
    public func get<Value: DatabaseValueConvertible>(_ type: Value.Type = Value.self, named name: String) throws -> Value {
        guard let index = index(of: name) else {
            throw StorageError.columnNotFound(name: name, sql: sql)
        }
        return try convert(values[index], column: columnNames[index])
    }

    @usableFromInline
    func index(of name: String) -> Int? {
        // Rows are narrow: a scan beats building a dictionary per row.
        if let exact = columnNames.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }
    }

    @inlinable
    func convert<Value: DatabaseValueConvertible>(_ stored: DatabaseValue, column: String) throws -> Value {
        guard let converted = Value.fromDatabaseValue(stored) else {
            throw StorageError.typeMismatch(column: column, expected: String(describing: Value.self),
                                            found: stored.storageClass, sql: sql)
        }
        return converted
    }
}
