import Foundation
import CSQLite

extension Connection {
    /// Runs every statement of a script in order (migrations, schema set-up). Stops at the
    /// first failure and throws a `DatabaseError` whose `sql` is the failing statement alone.
    /// It starts no transaction of its own: wrap it in `transaction` to make it atomic.
    public func executeScript(_ script: String) throws {
        try script.withCString { start in
            var cursor = start
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(handle, cursor, -1, 0, &statement, &tail)
                guard code == SQLITE_OK else {
                    throw DatabaseError.current(handle, code: code, sql: Self.firstStatement(in: String(cString: cursor)))
                }
                // No statement means only whitespace or comments were left.
                guard let statement else { return }
                defer { sqlite3_finalize(statement) }
                var stepCode = sqlite3_step(statement)
                while stepCode == SQLITE_ROW {
                    stepCode = sqlite3_step(statement)
                }
                guard stepCode == SQLITE_DONE else {
                    // sqlite3_sql gives back this statement's text, with the whitespace before it.
                    let text = sqlite3_sql(statement).map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                    throw DatabaseError.current(handle, code: stepCode, sql: text)
                }
                guard let tail else { return }
                cursor = tail
            }
        }
    }

    /// The first complete statement of `text`, found with SQLite's own tokenizer
    /// (`sqlite3_complete`, which knows about quotes, comments and trigger bodies), so that a
    /// statement that fails to prepare can be named without parsing SQL here.
    static func firstStatement(in text: String) -> String {
        var prefix = ""
        for character in text {
            prefix.append(character)
            if character == ";", sqlite3_complete(prefix) != 0 {
                break
            }
        }
        return prefix.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
