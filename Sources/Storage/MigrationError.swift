/// Why migrating stopped. Every case names the file concerned.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The migrations directory could not be listed.
    case directoryUnreadable(path: String, reason: String)
    /// A migration file could not be read as UTF-8.
    case unreadableFile(file: String, reason: String)
    /// A `.sql` file not named `NNNN_name.sql`.
    case invalidFileName(String)
    /// Two migrations share a version number.
    case duplicateVersion(version: Int, files: [String])
    /// A migration that was applied has since been edited: applied migrations are history
    /// and never change; write a new migration instead.
    case changedSinceApplied(file: String)
    /// The database records a migration that is not among the known ones (deleted or renamed).
    case missingOnDisk(file: String, version: Int)
    /// A new migration is numbered below one already applied, so it cannot run in order.
    case outOfOrder(file: String, latestAppliedVersion: Int)
    /// A statement of the migration failed; the migration was rolled back entirely.
    case failed(file: String, statement: String?, error: DatabaseError)

    public var description: String {
        switch self {
        case .directoryUnreadable(let path, let reason):
            return "Cannot read migrations directory \(path): \(reason)"
        case .unreadableFile(let file, let reason):
            return "Cannot read migration \(file): \(reason)"
        case .invalidFileName(let file):
            return "Migration file \(file) is not named NNNN_name.sql"
        case .duplicateVersion(let version, let files):
            return "Migration version \(version) is used by more than one file: \(files.joined(separator: ", "))"
        case .changedSinceApplied(let file):
            return "Migration \(file) was changed after it was applied; add a new migration instead"
        case .missingOnDisk(let file, let version):
            return "Migration \(file) (version \(version)) is recorded as applied but no longer exists"
        case .outOfOrder(let file, let latest):
            return "Migration \(file) is numbered below the latest applied version \(latest)"
        case .failed(let file, let statement, let error):
            return "Migration \(file) failed and was rolled back: \(error.message)"
                + (statement.map { " — in: \($0)" } ?? "")
        }
    }
}
