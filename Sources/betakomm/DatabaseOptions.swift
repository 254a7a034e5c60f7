import ArgumentParser
import BetaKommAPI
import Foundation
import Storage

/// `--db` and `--migrations`, for commands that open the database directly.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong(Setting.database.flag), help: ArgumentHelp(Setting.database.help, valueName: "path"))
    var database: String?
    @Option(name: .customLong(Setting.migrations.flag), help: ArgumentHelp(Setting.migrations.help, valueName: "directory"))
    var migrations: String?

    /// Opens the database (creating it) and applies pending migrations, as `serve` would.
    func openMigrated() throws -> DatabasePool {
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.resolve(flags: [.database: database, .migrations: migrations].compactMapValues { $0 })
        } catch {
            throw ValidationError(error.description)
        }
        let pool = try DatabasePool(path: configuration.databasePath, configuration: .init(readerCount: 1))
        do {
            try DatabaseMigrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory)).migrate(pool)
        } catch {
            pool.close()
            throw error
        }
        return pool
    }
}
