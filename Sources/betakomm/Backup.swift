import ArgumentParser
import BetaKommAPI
import Foundation
import Storage

/// `betakomm backup FILE`: an online, consistent copy while the server keeps serving (it opens
/// its own connection; sqlite.org/backup.html).
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the live database to FILE (never overwrites FILE).")

    @Argument(help: "The backup file to write; must not exist.")
    var file: String
    @Option(name: .customLong(Setting.database.flag), help: ArgumentHelp(Setting.database.help, valueName: "path"))
    var database: String?

    func run() throws {
        let configuration = try ServiceConfiguration.resolve(flags: [.database: database].compactMapValues { $0 })
        // Opening would create an empty database; a backup of nothing is a mistake.
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw ValidationError("No database at \(configuration.databasePath).")
        }
        let pool = try DatabasePool(path: configuration.databasePath, configuration: .init(readerCount: 1))
        defer { pool.close() }
        try pool.backup(to: file)
        print("backed up \(configuration.databasePath) to \(file)")
    }
}
