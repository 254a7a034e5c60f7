import Foundation
import Storage

/// A fresh temp SQLite database migrated with the real `Migrations/` files.
final class MigratedDatabase {
    let directory: URL
    let pool: DatabasePool

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("betakomm-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pool = try DatabasePool(path: directory.appendingPathComponent("test.sqlite").path)
        try DatabaseMigrator(directory: RepositoryFiles.migrations).migrate(pool)
    }

    deinit {
        pool.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
