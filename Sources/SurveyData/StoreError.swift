/// A stored row that does not map to the survey domain (a hand-edited database, or a schema the
/// code does not know). Names the table, the row's key and what is wrong.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidRow(table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidRow(table, key, reason): return "\(table) row \(key): \(reason)"
        }
    }
}
