import ArgumentParser
import BetaKommAPI
import Foundation

/// `betakomm export [--wave 2026] [--excel] > FILE.csv`: the same CSV as `GET /v1/export.csv`.
struct ExportAnswers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one wave's answers (default 2011) as a wide CSV, one row per respondent, to standard output."
    )

    @Option(help: ArgumentHelp("The wave whose answers to write (each unit's latest version within it).", valueName: "id"))
    var wave: Int = 2011
    @Flag(help: "Norwegian Excel variant (UTF-8 BOM, ';').")
    var excel = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let pool = try database.openMigrated()
        defer { pool.close() }
        FileHandle.standardOutput.write(Data(try AnswerExport.csv(pool, wave: wave, excel: excel)))
    }
}
