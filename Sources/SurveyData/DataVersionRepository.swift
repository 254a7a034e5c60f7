import Storage

/// All SQL on `data_version` (0013): one counter that triggers move whenever anything the read
/// side serves changes (an answer set, a wave, a unit's population), so its caches and ETags
/// follow every kind of change. One row: cheap to read once a second.
public enum DataVersionRepository {
    public static func current(_ db: Connection) throws -> Int {
        try db.scalar(Int.self, currentSQL) ?? 0
    }

    static let currentSQL: CachedSQL = "SELECT value FROM data_version WHERE id = 1"
}
