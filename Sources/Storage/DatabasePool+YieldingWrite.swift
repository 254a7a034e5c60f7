extension DatabasePool {
    /// A write transaction that yields to others: when another process holds the database's write
    /// lock it waits at most `busyTimeoutMilliseconds` (not the pool's busy timeout) and throws
    /// SQLITE_BUSY. For best-effort bookkeeping (a token's `last_used_at`), which must not keep the
    /// one writer connection, and every write queued behind it, waiting out the full busy timeout.
    public func yieldingWrite<Result>(busyTimeoutMilliseconds: Int, _ body: (Connection) throws -> Result) throws -> Result {
        try writeWithoutTransaction { connection in
            let previous = try connection.scalar(Int.self, "PRAGMA busy_timeout") ?? 5000
            try connection.execute("PRAGMA busy_timeout = \(max(0, busyTimeoutMilliseconds))")
            defer { try? connection.execute("PRAGMA busy_timeout = \(previous)") }
            return try connection.transaction(kind: .immediate) { connection in
                defer { connection.resetBusyStatements() }
                return try body(connection)
            }
        }
    }
}
