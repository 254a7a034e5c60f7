import Foundation
import Storage

/// A fresh SQLite file in its own temp directory, migrated with the repository's `Migrations/`
/// (the questionnaire, the 449 units and the calibrated 2011 answers).
final class TemporaryDatabase {
    static let migrations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations")

    let directory: URL
    let pool: DatabasePool

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path)
        try DatabaseMigrator(directory: Self.migrations).migrate(pool)
    }

    deinit {
        pool.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
