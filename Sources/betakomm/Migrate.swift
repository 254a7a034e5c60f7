import ArgumentParser
import BetaKommAPI
import Foundation
import Storage

/// `betakomm migrate`: applies the migrations not yet applied and lists them.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database if needed and apply pending migrations.")

    @Option(name: .customLong(Setting.database.flag), help: ArgumentHelp(Setting.database.help, valueName: "path"))
    var database: String?
    @Option(name: .customLong(Setting.migrations.flag), help: ArgumentHelp(Setting.migrations.help, valueName: "directory"))
    var migrations: String?

    func run() throws {
        let configuration = try ServiceConfiguration.resolve(flags: [.database: database, .migrations: migrations].compactMapValues { $0 })
        let pool = try DatabasePool(path: configuration.databasePath)
        defer { pool.close() }
        let applied = try DatabaseMigrator(directory: URL(fileURLWithPath: configuration.migrationsDirectory)).migrate(pool)
        if applied.isEmpty {
            print("\(configuration.databasePath) is up to date")
        }
        for migration in applied {
            print("applied \(migration.name)")
        }
    }
}
