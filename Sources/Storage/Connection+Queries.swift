extension Connection {
    /// Runs one statement that returns no rows of interest (INSERT, UPDATE, DDL, PRAGMA).
    /// Arguments bind to `?` parameters in order; `nil` binds NULL.
    public func execute(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws {
        try Self.execute(statementForUse(sql), arguments)
    }

    /// Runs one query and returns all its rows.
    public func query(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> [Row] {
        try Self.query(statementForUse(sql), arguments)
    }

    /// Runs one query and returns its first row, or nil when it has none.
    public func queryOne(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> Row? {
        try Self.queryOne(statementForUse(sql), arguments)
    }

    /// The first column of the first row converted to `Value`; nil when there is no row or
    /// the value is NULL.
    public func scalar<Value: DatabaseValueConvertible>(
        _ type: Value.Type = Value.self, _ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []
    ) throws -> Value? {
        try Self.scalar(type, statementForUse(sql), arguments)
    }

    /// `execute` for SQL made once as a `CachedSQL`.
    public func execute(_ sql: CachedSQL, _ arguments: [(any DatabaseValueConvertible)?] = []) throws {
        try Self.execute(statementForUse(sql), arguments)
    }

    /// `query` for SQL made once as a `CachedSQL`.
    public func query(_ sql: CachedSQL, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> [Row] {
        try Self.query(statementForUse(sql), arguments)
    }

    /// `queryOne` for SQL made once as a `CachedSQL`.
    public func queryOne(_ sql: CachedSQL, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> Row? {
        try Self.queryOne(statementForUse(sql), arguments)
    }

    /// `scalar` for SQL made once as a `CachedSQL`.
    public func scalar<Value: DatabaseValueConvertible>(
        _ type: Value.Type = Value.self, _ sql: CachedSQL, _ arguments: [(any DatabaseValueConvertible)?] = []
    ) throws -> Value? {
        try Self.scalar(type, statementForUse(sql), arguments)
    }

    private static func execute(_ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]) throws {
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    private static func query(_ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [Row] {
        defer { statement.reset() }
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    private static func queryOne(_ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Row? {
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    private static func scalar<Value: DatabaseValueConvertible>(
        _ type: Value.Type, _ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]
    ) throws -> Value? {
        defer { statement.reset() }
        try statement.bind(arguments)
        guard try statement.step(), !statement.value(at: 0).isNull else { return nil }
        return try statement.get(Value.self, at: 0)
    }
}
