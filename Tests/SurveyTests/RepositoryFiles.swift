import Foundation

/// Paths into the repository, found from this file's location (tests run from any directory).
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = root.appendingPathComponent("Data")
    static let migrations = root.appendingPathComponent("Migrations")
}
