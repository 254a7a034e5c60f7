extension Connection {
    /// Runs one statement that returns no rows of interest (INSERT, UPDATE, DDL, PRAGMA).
    /// Arguments bind to `?` parameters in order; `nil` binds NULL.
    public func execute(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws {
        let statement = try statementForUse(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs one query and returns all its rows.
    public func query(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> [Row] {
        let statement = try statementForUse(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Runs one query and returns its first row, or nil when it has none.
    public func queryOne(_ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []) throws -> Row? {
        let statement = try statementForUse(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row converted to `Value`; nil when there is no row or
    /// the value is NULL.
    public func scalar<Value: DatabaseValueConvertible>(
        _ type: Value.Type = Value.self, _ sql: String, _ arguments: [(any DatabaseValueConvertible)?] = []
    ) throws -> Value? {
        let statement = try statementForUse(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard try statement.step(), !statement.value(at: 0).isNull else { return nil }
        return try statement.get(Value.self, at: 0)
    }
}
