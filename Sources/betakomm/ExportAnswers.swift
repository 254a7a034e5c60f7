import ArgumentParser
import BetaKommAPI
import Foundation

/// `betakomm export [--wave 2011] [--excel] > FILE.csv`: the same CSV as `GET /v1/export.csv`.
struct ExportAnswers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the current (or --wave 2011) answers as a wide CSV, one row per respondent, to standard output."
    )

    @Option(help: ArgumentHelp("2011 for each respondent's latest wave-2011 version; default: the current answers.", valueName: "year"))
    var wave: Int?
    @Flag(help: "Norwegian Excel variant (UTF-8 BOM, ';').")
    var excel = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let pool = try database.openMigrated()
        defer { pool.close() }
        FileHandle.standardOutput.write(Data(try AnswerExport.csv(pool, wave: wave, excel: excel)))
    }
}
