/// How a transaction takes its locks (https://www.sqlite.org/lang_transaction.html).
public enum TransactionKind: String, Sendable {
    /// Locks taken on first read or write; used for read snapshots.
    case deferred = "DEFERRED"
    /// The write lock taken at BEGIN: a writer then waits (busy timeout) at BEGIN rather than
    /// failing with SQLITE_BUSY when it upgrades from reading to writing halfway through.
    case immediate = "IMMEDIATE"
}

extension Connection {
    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it (or the COMMIT)
    /// throws, and the error is rethrown. Transactions do not nest.
    public func transaction<Result>(kind: TransactionKind = .immediate, _ body: (Connection) throws -> Result) throws -> Result {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        do {
            let result = try body(self)
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            // Some errors (SQLITE_FULL, SQLITE_IOERR, …) already rolled the transaction back
            // (https://www.sqlite.org/lang_transaction.html, "Response To Errors Within A
            // Transaction"); a second ROLLBACK would fail, so only roll back if still open.
            if isInTransaction {
                try? execute("ROLLBACK TRANSACTION")
            }
            throw error
        }
    }
}
